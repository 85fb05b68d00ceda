package dev.sextant.server.store;

import java.util.List;
import java.util.Optional;

/**
 * What each rollout deploys, the lock one running rollout holds on its service in its environment,
 * the marks finished rollouts leave on revisions, and the measurements of their analyses.
 */
public final class DeploymentRepository {
  private static final int MAX_MESSAGE = 1000;

  private final Transaction tx;

  DeploymentRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Records what the rollout deploys. */
  public void add(StoredDeployment deployment) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into deployments (rollout_id, release_name, release_revision, variant,"
                + " plan_name) values (:id, :release, :revision, :variant, :plan)")
        .bind("id", deployment.rollout())
        .bind("release", deployment.release())
        .bind("revision", deployment.releaseRevision())
        .bind("variant", deployment.variant())
        .bind("plan", deployment.plan().orElse(null))
        .execute();
  }

  public Optional<StoredDeployment> of(String rollout) {
    return tx.handle()
        .createQuery(
            "select rollout_id, release_name, release_revision, variant, plan_name"
                + " from deployments where rollout_id = :id")
        .bind("id", rollout)
        .map(
            (rs, ctx) ->
                new StoredDeployment(
                    rs.getString("rollout_id"),
                    rs.getString("release_name"),
                    rs.getLong("release_revision"),
                    rs.getString("variant"),
                    Optional.ofNullable(rs.getString("plan_name"))))
        .findOne();
  }

  /** The rollout that holds the service's lock in the environment, if one does. */
  public Optional<String> lockHolder(String environment, String service) {
    return tx.handle()
        .createQuery(
            "select rollout_id from rollout_locks where environment = :environment"
                + " and service = :service")
        .bind("environment", environment)
        .bind("service", service)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Takes the lock for the rollout. Two starts racing both see it free; the key lets one insert,
   * and the other's transaction fails and runs again to find it held.
   *
   * @return the rollout already holding it, when another does
   */
  public Optional<String> lock(String environment, String service, String rollout) {
    Optional<String> holder = lockHolder(environment, service);
    if (holder.isPresent()) {
      return holder;
    }
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into rollout_locks (environment, service, rollout_id)"
                + " values (:environment, :service, :rollout)")
        .bind("environment", environment)
        .bind("service", service)
        .bind("rollout", rollout)
        .execute();
    return Optional.empty();
  }

  /** Lets the lock go, when this rollout holds it. */
  public void unlock(String environment, String service, String rollout) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "delete from rollout_locks where environment = :environment and service = :service"
                + " and rollout_id = :rollout")
        .bind("environment", environment)
        .bind("service", service)
        .bind("rollout", rollout)
        .execute();
  }

  /** Marks a revision good or bad in an environment; the last mark counts. */
  public void mark(
      String environment, String service, String revision, String mark, String rollout) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "delete from revision_marks where environment = :environment and service = :service"
                + " and revision = :revision")
        .bind("environment", environment)
        .bind("service", service)
        .bind("revision", revision)
        .execute();
    tx.handle()
        .createUpdate(
            "insert into revision_marks (environment, service, revision, mark, rollout_id,"
                + " marked_at) values (:environment, :service, :revision, :mark, :rollout, :now)")
        .bind("environment", environment)
        .bind("service", service)
        .bind("revision", revision)
        .bind("mark", mark)
        .bind("rollout", rollout)
        .bind("now", Timestamps.utc(tx.now()))
        .execute();
  }

  /** The mark of a revision in an environment: {@code good}, {@code bad}, or none. */
  public Optional<String> markOf(String environment, String service, String revision) {
    return tx.handle()
        .createQuery(
            "select mark from revision_marks where environment = :environment"
                + " and service = :service and revision = :revision")
        .bind("environment", environment)
        .bind("service", service)
        .bind("revision", revision)
        .mapTo(String.class)
        .findOne();
  }

  /** Stores a measurement as the rollout's next. */
  public void measured(String rollout, StoredMeasurement measurement) {
    tx.changed();
    long position =
        tx.handle()
            .createQuery(
                "select coalesce(max(position), 0) + 1 from rollout_measurements"
                    + " where rollout_id = :id")
            .bind("id", rollout)
            .mapTo(Long.class)
            .one();
    tx.handle()
        .createUpdate(
            "insert into rollout_measurements (rollout_id, position, analysis, metric, track,"
                + " measured_at, measurement, verdict, message) values (:id, :position,"
                + " :analysis, :metric, :track, :at, :value, :verdict, :message)")
        .bind("id", rollout)
        .bind("position", position)
        .bind("analysis", measurement.analysis())
        .bind("metric", measurement.metric())
        .bind("track", measurement.track())
        .bind("at", Timestamps.utc(measurement.at()))
        .bind("value", measurement.value().orElse(null))
        .bind("verdict", measurement.verdict())
        .bind(
            "message",
            measurement
                .message()
                .map(m -> m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) : m)
                .orElse(null))
        .execute();
  }

  /** The rollout's measurements, in the order taken. */
  public List<StoredMeasurement> measurements(String rollout) {
    return tx.handle()
        .createQuery(
            "select analysis, metric, track, measured_at, measurement, verdict, message"
                + " from rollout_measurements where rollout_id = :id order by position")
        .bind("id", rollout)
        .map(
            (rs, ctx) -> {
              double value = rs.getDouble("measurement");
              boolean none = rs.wasNull();
              return new StoredMeasurement(
                  rs.getString("analysis"),
                  rs.getString("metric"),
                  rs.getString("track"),
                  Timestamps.read(rs, "measured_at"),
                  none ? Optional.empty() : Optional.of(value),
                  rs.getString("verdict"),
                  Optional.ofNullable(rs.getString("message")));
            })
        .list();
  }

  /** Stores a judge's result as the rollout's next. */
  public void judged(String rollout, StoredJudgement judgement) {
    tx.changed();
    long position =
        tx.handle()
            .createQuery(
                "select coalesce(max(position), 0) + 1 from rollout_judgements"
                    + " where rollout_id = :id")
            .bind("id", rollout)
            .mapTo(Long.class)
            .one();
    tx.handle()
        .createUpdate(
            "insert into rollout_judgements (rollout_id, position, analysis, judged_at, score,"
                + " verdict, summary, metrics) values (:id, :position, :analysis, :at, :score,"
                + " :verdict, :summary, :metrics)")
        .bind("id", rollout)
        .bind("position", position)
        .bind("analysis", judgement.analysis())
        .bind("at", Timestamps.utc(judgement.at()))
        .bind("score", judgement.score())
        .bind("verdict", judgement.verdict())
        .bind(
            "summary",
            judgement.summary().length() > MAX_MESSAGE
                ? judgement.summary().substring(0, MAX_MESSAGE)
                : judgement.summary())
        .bind("metrics", judgement.metrics())
        .execute();
  }

  /** The rollout's judge results, in the order given. */
  public List<StoredJudgement> judgements(String rollout) {
    return tx.handle()
        .createQuery(
            "select analysis, judged_at, score, verdict, summary, metrics"
                + " from rollout_judgements where rollout_id = :id order by position")
        .bind("id", rollout)
        .map(
            (rs, ctx) ->
                new StoredJudgement(
                    rs.getString("analysis"),
                    Timestamps.read(rs, "judged_at"),
                    rs.getDouble("score"),
                    rs.getString("verdict"),
                    rs.getString("summary"),
                    rs.getString("metrics")))
        .list();
  }
}
