package dev.sextant.server.store;

import dev.sextant.core.access.Role;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Plans submitted for deployment and their approvals. Plans are numbered 1, 2, … in the order they
 * were submitted; two submissions at once race on the number, and the loser's unit of work runs
 * again with the next.
 */
public final class PlanRepository {
  private static final String COLUMNS =
      "id, release_name, release_revision, environment, digest, verdict, requested_by,"
          + " requested_at, document, inputs";

  private final Transaction tx;

  PlanRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Stores a plan under the next number. */
  public StoredPlan add(
      String release,
      long releaseRevision,
      String environment,
      Digest digest,
      String verdict,
      String requestedBy,
      com.fasterxml.jackson.databind.node.ObjectNode document,
      PlanInputs inputs) {
    tx.changed();
    long id =
        tx.handle()
            .createQuery("select coalesce(max(id), 0) + 1 from plans")
            .mapTo(Long.class)
            .one();
    tx.handle()
        .createUpdate(
            "insert into plans ("
                + COLUMNS
                + ") values (:id, :release, :releaseRevision, :environment, :digest, :verdict,"
                + " :requestedBy, :now, :document, :inputs)")
        .bind("id", id)
        .bind("release", release)
        .bind("releaseRevision", releaseRevision)
        .bind("environment", environment)
        .bind("digest", digest.value())
        .bind("verdict", verdict)
        .bind("requestedBy", requestedBy)
        .bind("now", Timestamps.utc(tx.now()))
        .bind("document", CanonicalJson.string(document))
        .bind("inputs", CanonicalJson.string(inputs.json()))
        .execute();
    return new StoredPlan(
        id,
        release,
        releaseRevision,
        environment,
        digest,
        verdict,
        requestedBy,
        tx.now(),
        document,
        Optional.of(inputs));
  }

  public Optional<StoredPlan> find(long id) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from plans where id = :id")
        .bind("id", id)
        .map(PlanRepository::toPlan)
        .findOne();
  }

  /** The last {@code limit} plans, newest first. */
  public List<StoredPlan> list(int limit) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from plans order by id desc limit :limit")
        .bind("limit", limit)
        .map(PlanRepository::toPlan)
        .list();
  }

  /** The approvals of a plan, in the order they were given. */
  public List<StoredApproval> approvals(long plan) {
    return tx.handle()
        .createQuery(
            "select plan_id, approver, plan_digest, roles, approved_at, expires_at from approvals"
                + " where plan_id = :plan order by approved_at, approver")
        .bind("plan", plan)
        .map(PlanRepository::toApproval)
        .list();
  }

  /**
   * Records an approval; one approver approves one digest of a plan once, so approving it again
   * after the first approval expired replaces that one.
   */
  public StoredApproval approve(
      long plan, String approver, Digest digest, java.util.Set<Role> roles, Instant expires) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "delete from approvals where plan_id = :plan and approver = :approver"
                + " and plan_digest = :digest")
        .bind("plan", plan)
        .bind("approver", approver)
        .bind("digest", digest.value())
        .execute();
    String held = roles.stream().map(Role::label).sorted().collect(Collectors.joining(","));
    tx.handle()
        .createUpdate(
            "insert into approvals (plan_id, approver, plan_digest, roles, approved_at, expires_at)"
                + " values (:plan, :approver, :digest, :roles, :now, :expires)")
        .bind("plan", plan)
        .bind("approver", approver)
        .bind("digest", digest.value())
        .bind("roles", held)
        .bind("now", Timestamps.utc(tx.now()))
        .bind("expires", Timestamps.utc(Timestamps.millis(expires)))
        .execute();
    return new StoredApproval(plan, approver, digest, roles, tx.now(), Timestamps.millis(expires));
  }

  private static StoredPlan toPlan(ResultSet rs, StatementContext ctx) throws SQLException {
    String plan = "plan " + rs.getLong("id");
    return new StoredPlan(
        rs.getLong("id"),
        rs.getString("release_name"),
        rs.getLong("release_revision"),
        rs.getString("environment"),
        new Digest(rs.getString("digest")),
        rs.getString("verdict"),
        rs.getString("requested_by"),
        Timestamps.read(rs, "requested_at"),
        JsonText.object(rs.getString("document"), plan),
        Optional.ofNullable(rs.getString("inputs"))
            .map(text -> PlanInputs.of(JsonText.object(text, "the inputs of " + plan))));
  }

  private static StoredApproval toApproval(ResultSet rs, StatementContext ctx) throws SQLException {
    String roles = rs.getString("roles");
    return new StoredApproval(
        rs.getLong("plan_id"),
        rs.getString("approver"),
        new Digest(rs.getString("plan_digest")),
        roles.isEmpty()
            ? java.util.Set.of()
            : Arrays.stream(roles.split(","))
                .map(Role::parse)
                .collect(Collectors.toCollection(TreeSet::new)),
        Timestamps.read(rs, "approved_at"),
        Timestamps.read(rs, "expires_at"));
  }
}
