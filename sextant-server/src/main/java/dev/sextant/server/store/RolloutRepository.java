package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.delivery.FinishedRollout;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.rollout.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Rollouts, the events each took, and the commands of each transition. A rollout moves from version
 * n to n+1 only where it is still at n (the store's one compare-and-set): a server that read an
 * older version loses, and its unit of work runs again on what is there now.
 */
public final class RolloutRepository {
  private static final String COLUMNS =
      "id, service, environment, stable_revision, canary_revision, instances, strategy,"
          + " current_revision, phase, weight, created_at, created_by";

  private final Transaction tx;

  RolloutRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Stores a new rollout at version 0, before any event. */
  public StoredRollout create(
      String id,
      String service,
      String environment,
      String stableRevision,
      String canaryRevision,
      int instances,
      ObjectNode strategy,
      String phase,
      String by) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into rollouts ("
                + COLUMNS
                + ") values (:id, :service, :environment, :stable, :canary, :instances,"
                + " :strategy, 0, :phase, 0, :now, :by)")
        .bind("id", id)
        .bind("service", service)
        .bind("environment", environment)
        .bind("stable", stableRevision)
        .bind("canary", canaryRevision)
        .bind("instances", instances)
        .bind("strategy", CanonicalJson.string(strategy))
        .bind("phase", phase)
        .bind("now", Timestamps.utc(tx.now()))
        .bind("by", Checks.text(by, "by", 255))
        .execute();
    return find(id).orElseThrow();
  }

  public Optional<StoredRollout> find(String id) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from rollouts where id = :id")
        .bind("id", id)
        .map(RolloutRepository::toRollout)
        .findOne();
  }

  /**
   * The newest rollouts first, of one service or environment when given.
   *
   * @param limit at most this many
   */
  public List<StoredRollout> list(
      Optional<String> service, Optional<String> environment, int limit) {
    // PostgreSQL cannot type a parameter that is only compared with null: the filters are left out.
    String where =
        (service.isPresent() ? " and service = :service" : "")
            + (environment.isPresent() ? " and environment = :environment" : "");
    var query =
        tx.handle()
            .createQuery(
                "select "
                    + COLUMNS
                    + " from rollouts where 1 = 1"
                    + where
                    + " order by created_at desc, id desc limit :limit")
            .bind("limit", limit);
    service.ifPresent(s -> query.bind("service", s));
    environment.ifPresent(e -> query.bind("environment", e));
    return query.map(RolloutRepository::toRollout).list();
  }

  /** The events the rollout took, with when each was recorded, in order. */
  public List<RecordedRolloutEvent> history(String id) {
    return tx.handle()
        .createQuery(
            "select version, event, recorded_at from rollout_events where rollout_id = :id"
                + " order by version")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new RecordedRolloutEvent(
                    rs.getLong("version"),
                    rs.getString("event"),
                    Timestamps.read(rs, "recorded_at")))
        .list();
  }

  /**
   * The rollouts in a terminal phase whose last event was recorded at or before {@code until}, of
   * one service or environment when given, dated for the delivery figures: by their last two events
   * and the creation of the release revision they deploy.
   */
  public List<FinishedRollout> finished(
      Optional<String> service, Optional<String> environment, Instant until) {
    String where =
        (service.isPresent() ? " and r.service = :service" : "")
            + (environment.isPresent() ? " and r.environment = :environment" : "");
    var query =
        tx.handle()
            .createQuery(
                "select r.id, r.service, r.environment, r.phase, e.recorded_at as last_at,"
                    + " b.recorded_at as before_at, v.created_at as release_created"
                    + " from rollouts r"
                    + " join rollout_events e on e.rollout_id = r.id"
                    + " and e.version = r.current_revision"
                    + " left join rollout_events b on b.rollout_id = r.id"
                    + " and b.version = r.current_revision - 1"
                    + " left join deployments d on d.rollout_id = r.id"
                    + " left join revisions v on v.kind = :release and v.name = d.release_name"
                    + " and v.revision = d.release_revision"
                    + " where r.phase in ('succeeded', 'aborted', 'failed', 'rolled-back')"
                    + " and e.recorded_at <= :until"
                    + where
                    + " order by e.recorded_at, r.id")
            .bind("release", Kind.RELEASE.displayName())
            .bind("until", Timestamps.utc(until));
    service.ifPresent(s -> query.bind("service", s));
    environment.ifPresent(e -> query.bind("environment", e));
    return query.map(RolloutRepository::toFinished).list();
  }

  /** How many rollouts are in the phase now. */
  public long countIn(String phase) {
    return tx.handle()
        .createQuery("select count(*) from rollouts where phase = :phase")
        .bind("phase", phase)
        .mapTo(Long.class)
        .one();
  }

  /** The ids of the rollouts not in a terminal phase. */
  public List<String> running() {
    return tx.handle()
        .createQuery(
            "select id from rollouts where phase not in ('succeeded', 'aborted', 'failed',"
                + " 'rolled-back') order by id")
        .mapTo(String.class)
        .list();
  }

  /** The events the rollout took, in order: the n-th made version n. */
  public List<String> events(String id) {
    return tx.handle()
        .createQuery("select event from rollout_events where rollout_id = :id order by version")
        .bind("id", id)
        .mapTo(String.class)
        .list();
  }

  /**
   * Records the event that moves the rollout from {@code version} to {@code version + 1}, with the
   * phase and weight it leads to and the idempotency keys of the commands it asks for.
   *
   * @throws LostRace when another unit of work moved the rollout first
   */
  public void advance(
      String id,
      long version,
      String event,
      String phase,
      int weight,
      List<String> commandKeys,
      List<String> commandKinds) {
    tx.changed();
    HeadPointer head = new HeadPointer("rollouts", Map.of("id", id), "rollout " + id);
    head.lockOnRetry(tx);
    head.advance(tx, version);
    long next = version + 1;
    tx.handle()
        .createUpdate("update rollouts set phase = :phase, weight = :weight where id = :id")
        .bind("phase", phase)
        .bind("weight", weight)
        .bind("id", id)
        .execute();
    tx.handle()
        .createUpdate(
            "insert into rollout_events (rollout_id, version, event, recorded_at)"
                + " values (:id, :version, :event, :now)")
        .bind("id", id)
        .bind("version", next)
        .bind("event", event)
        .bind("now", Timestamps.utc(tx.now()))
        .execute();
    for (int i = 0; i < commandKeys.size(); i++) {
      tx.handle()
          .createUpdate(
              "insert into rollout_commands (idempotency_key, rollout_id, version, position, kind)"
                  + " values (:key, :id, :version, :position, :kind)")
          .bind("key", commandKeys.get(i))
          .bind("id", id)
          .bind("version", next)
          .bind("position", i)
          .bind("kind", commandKinds.get(i))
          .execute();
    }
  }

  /** The commands not carried out yet, oldest transition first, in their order. */
  public List<PendingCommand> pending() {
    return tx.handle()
        .createQuery(
            "select idempotency_key, rollout_id, version, position from rollout_commands"
                + " where done_at is null order by rollout_id, version, position")
        .map(RolloutRepository::toPending)
        .list();
  }

  /**
   * The commands of moves recorded before {@code before} and not carried out yet, oldest transition
   * first, in their order.
   */
  public List<PendingCommand> pendingBefore(Instant before) {
    return tx.handle()
        .createQuery(
            "select c.idempotency_key, c.rollout_id, c.version, c.position"
                + " from rollout_commands c join rollout_events e"
                + " on e.rollout_id = c.rollout_id and e.version = c.version"
                + " where c.done_at is null and e.recorded_at < :before"
                + " order by c.rollout_id, c.version, c.position")
        .bind("before", Timestamps.utc(before))
        .map(RolloutRepository::toPending)
        .list();
  }

  /** Whether some command of the rollout is not carried out yet. */
  public boolean hasPending(String id) {
    return tx.handle()
            .createQuery(
                "select count(*) from rollout_commands where rollout_id = :id and done_at is null")
            .bind("id", id)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Whether the command was carried out already. */
  public boolean done(String idempotencyKey) {
    return tx.handle()
            .createQuery(
                "select count(*) from rollout_commands where idempotency_key = :key"
                    + " and done_at is not null")
            .bind("key", idempotencyKey)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Marks a command carried out; false when it was marked already. */
  public boolean markDone(String idempotencyKey) {
    tx.changed();
    return tx.handle()
            .createUpdate(
                "update rollout_commands set done_at = :now where idempotency_key = :key"
                    + " and done_at is null")
            .bind("now", Timestamps.utc(tx.now()))
            .bind("key", idempotencyKey)
            .execute()
        == 1;
  }

  private static PendingCommand toPending(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PendingCommand(
        rs.getString("idempotency_key"),
        rs.getString("rollout_id"),
        rs.getLong("version"),
        rs.getInt("position"));
  }

  private static FinishedRollout toFinished(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return FinishedRollout.dated(
        rs.getString("id"),
        rs.getString("service"),
        rs.getString("environment"),
        Phase.valueOf(rs.getString("phase").toUpperCase(Locale.ROOT).replace('-', '_')),
        Timestamps.read(rs, "last_at"),
        Optional.ofNullable(Timestamps.read(rs, "before_at")),
        Optional.ofNullable(Timestamps.read(rs, "release_created")));
  }

  private static StoredRollout toRollout(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredRollout(
        rs.getString("id"),
        rs.getString("service"),
        rs.getString("environment"),
        rs.getString("stable_revision"),
        rs.getString("canary_revision"),
        rs.getInt("instances"),
        JsonText.object(rs.getString("strategy"), "the strategy of rollout " + rs.getString("id")),
        rs.getLong("current_revision"),
        rs.getString("phase"),
        rs.getInt("weight"),
        Timestamps.read(rs, "created_at"),
        rs.getString("created_by"));
  }
}
