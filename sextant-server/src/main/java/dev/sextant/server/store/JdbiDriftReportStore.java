package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The drift report store on H2 or PostgreSQL through JDBI. All of its SQL is in this class. */
public final class JdbiDriftReportStore implements DriftReportStore {
  public static final int MAX_LIMIT = 10_000;

  private static final String COLUMNS =
      "d.id, d.environment, d.drift_kind, d.checked_at, d.baseline_digest, d.current_digest,"
          + " d.differences, d.action, d.report_digest, d.report";

  private final Transactions transactions;
  private final Clock clock;

  /** A store over a migrated database, which it shares and does not close. */
  public JdbiDriftReportStore(Database database, Clock clock) {
    this.transactions = new Transactions(Objects.requireNonNull(database, "database"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredDriftReport save(DriftReportRecord report) {
    Objects.requireNonNull(report, "report");
    String json = CanonicalJson.string(report.report());
    Digest digest = Digest.sha256(json.getBytes(StandardCharsets.UTF_8));
    Instant checkedAt = Timestamps.now(clock);
    long id =
        transactions.write(
            "save a drift report of environment " + report.environment(),
            (handle, retrying) ->
                Optional.of(
                    handle
                        .createUpdate(
                            "insert into drift_reports (environment, drift_kind, checked_at,"
                                + " baseline_digest, current_digest, differences, action,"
                                + " report_digest, report)"
                                + " values (:environment, :kind, :checkedAt, :baseline, :current,"
                                + " :differences, :action, :digest, :report)")
                        .bind("environment", report.environment())
                        .bind("kind", report.kind().word())
                        .bind("checkedAt", Timestamps.utc(checkedAt))
                        .bind("baseline", report.baseline().value())
                        .bind("current", report.current().value())
                        .bind("differences", report.differences())
                        .bind("action", report.action().word())
                        .bind("digest", digest.value())
                        .bind("report", json)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one()));
    return new StoredDriftReport(id, checkedAt, digest, report);
  }

  @Override
  public Optional<StoredDriftReport> latest(String environment, DriftKind kind) {
    return transactions.read(
        "read the latest " + kind.word() + " drift report of environment " + environment,
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from drift_reports d"
                        + " where d.environment = :environment and d.drift_kind = :kind"
                        + " order by d.id desc fetch first 1 rows only")
                .bind("environment", environment)
                .bind("kind", kind.word())
                .map(JdbiDriftReportStore::toReport)
                .findOne());
  }

  @Override
  public List<StoredDriftReport> list(String environment, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a drift report list's limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    List<StoredDriftReport> newestFirst =
        transactions.read(
            "list the drift reports of environment " + environment,
            handle ->
                handle
                    .createQuery(
                        "select "
                            + COLUMNS
                            + " from drift_reports d where d.environment = :environment"
                            + " order by d.id desc fetch first :limit rows only")
                    .bind("environment", environment)
                    .bind("limit", limit)
                    .map(JdbiDriftReportStore::toReport)
                    .list());
    List<StoredDriftReport> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  @Override
  public List<StoredDriftReport> blockers(String environment) {
    List<StoredDriftReport> latestOfEachKind =
        transactions.read(
            "read the drift reports that block environment " + environment,
            handle ->
                handle
                    .createQuery(
                        "select "
                            + COLUMNS
                            + " from drift_reports d where d.environment = :environment"
                            + " and d.id = (select max(l.id) from drift_reports l"
                            + " where l.environment = d.environment"
                            + " and l.drift_kind = d.drift_kind)")
                    .bind("environment", environment)
                    .map(JdbiDriftReportStore::toReport)
                    .list());
    return latestOfEachKind.stream()
        .filter(StoredDriftReport::blocks)
        .sorted(Comparator.comparingLong(StoredDriftReport::id))
        .toList();
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
