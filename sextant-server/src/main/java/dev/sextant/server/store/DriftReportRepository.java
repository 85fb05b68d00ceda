package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The drift reports of environments.
 *
 * <p>Whether drift blocks an environment is not a flag of its own but read from the latest report
 * of each kind: an environment is blocked while the latest declared report or the latest
 * last-known-good report has the action {@link DriftAction#BLOCK}. A later report that finds no
 * drift (or is saved with another action) resolves it. So the block and its reason cannot disagree,
 * and lifting a block leaves a report behind that says when and why.
 *
 * <p>Reports of one environment and kind form a chain: each names the one it follows, and only one
 * report may follow a given one, so two concurrent checks cannot both add theirs.
 */
public final class DriftReportRepository {
  public static final int MAX_LIMIT = 10_000;

  private static final String COLUMNS =
      "d.id, d.environment, d.drift_kind, d.checked_at, d.baseline_digest, d.current_digest,"
          + " d.differences, d.action, d.report_digest, d.report";

  private final Transaction tx;

  DriftReportRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Saves a report at the unit of work's time as the one that follows {@code previous}, the latest
   * report of its environment and kind as the caller read it.
   *
   * @throws IllegalArgumentException when {@code previous} is of another environment or kind
   */
  public StoredDriftReport save(DriftReportRecord report, Optional<StoredDriftReport> previous) {
    Objects.requireNonNull(report, "report");
    previous.ifPresent(
        p -> {
          if (!p.report().environment().equals(report.environment())
              || p.report().kind() != report.kind()) {
            throw new IllegalArgumentException(
                "a drift report follows one of the same environment and kind");
          }
        });
    String json = CanonicalJson.string(report.report());
    Digest digest = Digest.sha256(json.getBytes(StandardCharsets.UTF_8));
    tx.changed();
    // A concurrent check that saved its report after the same previous one makes this insert fail
    // on drift_reports_chain; the unit of work runs again from a fresh read.
    long id =
        tx.handle()
            .createUpdate(
                "insert into drift_reports (environment, drift_kind, checked_at,"
                    + " baseline_digest, current_digest, differences, action, report_digest,"
                    + " report, supersedes)"
                    + " values (:environment, :kind, :checkedAt, :baseline, :current,"
                    + " :differences, :action, :digest, :report, :supersedes)")
            .bind("environment", report.environment())
            .bind("kind", report.kind().word())
            .bind("checkedAt", Timestamps.utc(tx.now()))
            .bind("baseline", report.baseline().value())
            .bind("current", report.current().value())
            .bind("differences", report.differences())
            .bind("action", report.action().word())
            .bind("digest", digest.value())
            .bind("report", json)
            .bind("supersedes", previous.map(StoredDriftReport::id).orElse(0L))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return new StoredDriftReport(id, tx.now(), digest, report);
  }

  /** The latest report of that kind for the environment. */
  public Optional<StoredDriftReport> latest(String environment, DriftKind kind) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from drift_reports d"
                + " where d.environment = :environment and d.drift_kind = :kind"
                + " order by d.id desc fetch first 1 rows only")
        .bind("environment", environment)
        .bind("kind", kind.word())
        .map(DriftReportRepository::toReport)
        .findOne();
  }

  /** The environment's last {@code limit} reports of either kind, oldest first (newest last). */
  public List<StoredDriftReport> list(String environment, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a drift report list's limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    List<StoredDriftReport> oldestFirst =
        new ArrayList<>(
            tx.handle()
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from drift_reports d where d.environment = :environment"
                        + " order by d.id desc fetch first :limit rows only")
                .bind("environment", environment)
                .bind("limit", limit)
                .map(DriftReportRepository::toReport)
                .list());
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /** The latest reports (at most one per kind) that block new deployments to the environment. */
  public List<StoredDriftReport> blockers(String environment) {
    return tx
        .handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from drift_reports d where d.environment = :environment"
                + " and d.id = (select max(l.id) from drift_reports l"
                + " where l.environment = d.environment and l.drift_kind = d.drift_kind)")
        .bind("environment", environment)
        .map(DriftReportRepository::toReport)
        .list()
        .stream()
        .filter(StoredDriftReport::blocks)
        .sorted(Comparator.comparingLong(StoredDriftReport::id))
        .toList();
  }

  /** Whether drift blocks new deployments to the environment. */
  public boolean blocked(String environment) {
    return !blockers(environment).isEmpty();
  }

  private static StoredDriftReport toReport(ResultSet rs, StatementContext ctx)
      throws SQLException {
    long id = rs.getLong("id");
    String what = "drift report " + id;
    String kind = rs.getString("drift_kind");
    String action = rs.getString("action");
    ObjectNode report = JsonText.object(rs.getString("report"), what);
    DriftReportRecord record =
        new DriftReportRecord(
            rs.getString("environment"),
            DriftKind.fromWord(kind)
                .orElseThrow(() -> new StoreException(what + " has an unknown kind: " + kind)),
            new Digest(rs.getString("baseline_digest")),
            new Digest(rs.getString("current_digest")),
            rs.getInt("differences"),
            DriftAction.fromWord(action)
                .orElseThrow(() -> new StoreException(what + " has an unknown action: " + action)),
            report);
    return new StoredDriftReport(
        id, Timestamps.read(rs, "checked_at"), new Digest(rs.getString("report_digest")), record);
  }
}
