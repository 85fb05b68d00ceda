package dev.sextant.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The agent registry on H2 or PostgreSQL through JDBI. All of its SQL is in this class. Two
 * concurrent first registrations of one name race on the primary key; the loser tries again and
 * then finds the winner's row, which it matches or conflicts with like any later registration.
 */
public final class JdbiAgentRegistry implements AgentRegistry {
  private static final String COLUMNS =
      "name, environment, public_key, key_id, registered_at, last_seen_at";

  private final Transactions transactions;
  private final Clock clock;

  /** A registry over a migrated database, which it shares and does not close. */
  public JdbiAgentRegistry(Database database, Clock clock) {
    this.transactions = new Transactions(Objects.requireNonNull(database, "database"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AgentOutcome register(AgentRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    return transactions.write(
        "register agent " + registration.name(),
        (handle, retrying) -> Optional.of(tryRegister(handle, registration)));
  }

  private AgentOutcome tryRegister(Handle handle, AgentRegistration registration) {
    Optional<Agent> registered = find(handle, registration.name());
    if (registered.isEmpty()) {
      Instant now = Timestamps.now(clock);
      handle
          .createUpdate(
              "insert into agents ("
                  + COLUMNS
                  + ") values (:name, :environment, :publicKey, :keyId, :now, :now)")
          .bind("name", registration.name())
          .bind("environment", registration.environment())
          .bind("publicKey", registration.publicKey())
          .bind("keyId", registration.keyId())
          .bind("now", Timestamps.utc(now))
          .execute();
      Agent agent =
          new Agent(
              registration.name(),
              registration.environment(),
              registration.publicKey(),
              registration.keyId(),
              now,
              now);
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
              + ": rekey the agent if its key really changed");
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

  @Override
  public Agent rekey(String name, String publicKey, String keyId) {
    Checks.name(name, "an agent name");
    AgentRegistration.checkPublicKey(publicKey);
    Checks.text(keyId, "a key id", AgentRegistration.MAX_KEY_ID_LENGTH);
    return transactions.write(
        "rekey agent " + name,
        (handle, retrying) -> {
          int changed =
              handle
                  .createUpdate(
                      "update agents set public_key = :publicKey, key_id = :keyId"
                          + " where name = :name")
                  .bind("publicKey", publicKey)
                  .bind("keyId", keyId)
                  .bind("name", name)
                  .execute();
          if (changed == 0) {
            throw new NoSuchAgentException(name);
          }
          return find(handle, name);
        });
  }

  @Override
  public Optional<Agent> find(String name) {
    return transactions.read("find agent " + name, handle -> find(handle, name));
  }

  private static Optional<Agent> find(Handle handle, String name) {
    return handle
        .createQuery("select " + COLUMNS + " from agents where name = :name")
        .bind("name", name)
        .map(JdbiAgentRegistry::toAgent)
        .findOne();
  }

  @Override
  public void touch(String name, Instant seenAt) {
    Instant seen = Timestamps.millis(Objects.requireNonNull(seenAt, "seenAt"));
    int touched =
        transactions.write(
            "note when agent " + name + " was last seen",
            (handle, retrying) ->
                Optional.of(
                    handle
                        .createUpdate(
                            "update agents set last_seen_at = greatest(last_seen_at, :seenAt)"
                                + " where name = :name")
                        .bind("seenAt", Timestamps.utc(seen))
                        .bind("name", name)
                        .execute()));
    if (touched == 0) {
      throw new NoSuchAgentException(name);
    }
  }

  /** Sorted in Java, because PostgreSQL orders names by the server's collation and H2 does not. */
  @Override
  public List<Agent> list() {
    List<Agent> agents =
        transactions.read(
            "list the agents",
            handle ->
                handle
                    .createQuery("select " + COLUMNS + " from agents")
                    .map(JdbiAgentRegistry::toAgent)
                    .list());
    return agents.stream().sorted(Comparator.comparing(Agent::name)).toList();
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
