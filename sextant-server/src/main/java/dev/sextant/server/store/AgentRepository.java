package dev.sextant.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The agents that report fingerprints, each with the one public key it may sign with. Two
 * concurrent first registrations of one name race on the primary key; the loser's unit of work runs
 * again and then finds the winner's row, which it matches or conflicts with like any later
 * registration.
 */
public final class AgentRepository {
  private static final String COLUMNS =
      "name, environment, public_key, key_id, registered_at, last_seen_at";

  private final Transaction tx;

  AgentRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Registers an agent. Registering again with the same key and environment changes nothing, so an
   * agent may register on every start.
   *
   * @throws AgentConflictException when the name is registered with another key or for another
   *     environment; the registered agent is left as it was
   */
  public AgentOutcome register(AgentRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    Optional<Agent> registered = find(registration.name());
    if (registered.isEmpty()) {
      tx.changed();
      tx.handle()
          .createUpdate(
              "insert into agents ("
                  + COLUMNS
                  + ") values (:name, :environment, :publicKey, :keyId, :now, :now)")
          .bind("name", registration.name())
          .bind("environment", registration.environment())
          .bind("publicKey", registration.publicKey())
          .bind("keyId", registration.keyId())
          .bind("now", Timestamps.utc(tx.now()))
          .execute();
      Agent agent =
          new Agent(
              registration.name(),
              registration.environment(),
              registration.publicKey(),
              registration.keyId(),
              tx.now(),
              tx.now());
      return new AgentOutcome(agent, AgentOutcome.Change.REGISTERED);
    }
    Agent agent = registered.get();
    if (!agent.publicKey().equals(registration.publicKey())
        || !agent.keyId().equals(registration.keyId())) {
      throw new AgentConflictException(
          agent.name(),
          "agent "
              + agent.name()
              + " is registered with another key (key id "
              + agent.keyId()
              + "); a registration cannot replace it with key id "
              + registration.keyId()
              + "; an agent with a new key registers under a new name");
    }
    if (!agent.environment().equals(registration.environment())) {
      throw new AgentConflictException(
          agent.name(),
          "agent "
              + agent.name()
              + " is registered for environment "
              + agent.environment()
              + ", not "
              + registration.environment());
    }
    return new AgentOutcome(agent, AgentOutcome.Change.UNCHANGED);
  }

  public Optional<Agent> find(String name) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from agents where name = :name")
        .bind("name", name)
        .map(AgentRepository::toAgent)
        .findOne();
  }

  /**
   * Notes that the agent was seen at that time; an earlier time than the last one noted is ignored.
   *
   * @throws NoSuchAgentException when no agent has that name
   */
  public void touch(String name, Instant seenAt) {
    Instant seen = Timestamps.millis(Objects.requireNonNull(seenAt, "seenAt"));
    tx.changed();
    int touched =
        tx.handle()
            .createUpdate(
                "update agents set last_seen_at = greatest(last_seen_at, :seenAt)"
                    + " where name = :name")
            .bind("seenAt", Timestamps.utc(seen))
            .bind("name", name)
            .execute();
    if (touched == 0) {
      throw new NoSuchAgentException(name);
    }
  }

  /** Every agent, by name (code point order, sorted in Java as names are everywhere). */
  public List<Agent> list() {
    return tx
        .handle()
        .createQuery("select " + COLUMNS + " from agents")
        .map(AgentRepository::toAgent)
        .list()
        .stream()
        .sorted(Comparator.comparing(Agent::name))
        .toList();
  }

  private static Agent toAgent(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Agent(
        rs.getString("name"),
        rs.getString("environment"),
        rs.getString("public_key"),
        rs.getString("key_id"),
        Timestamps.read(rs, "registered_at"),
        Timestamps.read(rs, "last_seen_at"));
  }
}
