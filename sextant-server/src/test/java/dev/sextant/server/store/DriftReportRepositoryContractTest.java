package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DriftReportRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class DriftReportRepositoryContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final Instant STARTED = Instant.parse("2025-03-01T09:30:00.123Z");
  private static final String PROD = "prod-eu";
  private static final Digest DECLARED = digest("declared facts");
  private static final Digest GOOD = digest("last known good");
  private static final Digest CURRENT = digest("current");

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  private DriftReportUnits open(Db db) {
    return new DriftReportUnits(databases.open(db));
  }

  @StoreTest
  void a_saved_report_reads_back_whole_with_its_time_and_digest(Db db) {
    DriftReportUnits store = open(db);
    DriftReportRecord report = driverDrift(PROD, DriftKind.DECLARED, DriftAction.ALERT);

    StoredDriftReport saved = store.save(report);

    assertThat(saved.checkedAt()).isEqualTo(STARTED);
    assertThat(saved.report()).isEqualTo(report);
    assertThat(saved.digest()).isEqualTo(Digest.sha256(CanonicalJson.bytes(report.report())));
    assertThat(saved.blocks()).isFalse();
    assertThat(store.latest(PROD, DriftKind.DECLARED)).contains(saved);
  }

  @StoreTest
  void the_latest_report_is_kept_per_kind(Db db) {
    DriftReportUnits store = open(db);
    store.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.ALERT));
    clock.advance(Duration.ofMinutes(1));
    StoredDriftReport lastKnownGood =
        store.save(driverDrift(PROD, DriftKind.LAST_KNOWN_GOOD, DriftAction.ALERT));
    clock.advance(Duration.ofMinutes(1));
    StoredDriftReport declared = store.save(inSync(PROD, DriftKind.DECLARED));

    assertThat(store.latest(PROD, DriftKind.DECLARED)).contains(declared);
    assertThat(store.latest(PROD, DriftKind.LAST_KNOWN_GOOD)).contains(lastKnownGood);
    assertThat(store.latest("staging", DriftKind.DECLARED)).isEmpty();
  }

  @StoreTest
  void the_list_gives_an_environments_newest_reports_with_the_newest_last(Db db) {
    DriftReportUnits store = open(db);
    StoredDriftReport first = store.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.ALERT));
    store.save(driverDrift("staging", DriftKind.DECLARED, DriftAction.ALERT));
    clock.advance(Duration.ofMinutes(1));
    StoredDriftReport second =
        store.save(driverDrift(PROD, DriftKind.LAST_KNOWN_GOOD, DriftAction.BLOCK));
    clock.advance(Duration.ofMinutes(1));
    StoredDriftReport third = store.save(inSync(PROD, DriftKind.DECLARED));

    assertThat(store.list(PROD, 10)).containsExactly(first, second, third);
    assertThat(store.list(PROD, 2)).containsExactly(second, third);
    assertThat(store.list(PROD, 10))
        .extracting(StoredDriftReport::checkedAt)
        .containsExactly(STARTED, STARTED.plusSeconds(60), STARTED.plusSeconds(120));
    assertThat(store.list("unknown", 10)).isEmpty();
  }

  @StoreTest
  void drift_that_blocks_holds_until_a_later_check_of_that_kind_finds_none(Db db) {
    DriftReportUnits store = open(db);
    assertThat(store.blocked(PROD)).isFalse();

    StoredDriftReport block = store.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.BLOCK));
    store.save(inSync(PROD, DriftKind.LAST_KNOWN_GOOD));
    store.save(driverDrift("staging", DriftKind.DECLARED, DriftAction.ALERT));

    assertThat(store.blocked(PROD)).isTrue();
    assertThat(store.blockers(PROD)).containsExactly(block);
    assertThat(store.blocked("staging")).isFalse();

    store.save(inSync(PROD, DriftKind.DECLARED));

    assertThat(store.blocked(PROD)).isFalse();
    assertThat(store.blockers(PROD)).isEmpty();
  }

  @StoreTest
  void either_kind_of_drift_can_block_on_its_own(Db db) {
    DriftReportUnits store = open(db);
    StoredDriftReport declared =
        store.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.BLOCK));
    StoredDriftReport lastKnownGood =
        store.save(driverDrift(PROD, DriftKind.LAST_KNOWN_GOOD, DriftAction.BLOCK));

    assertThat(store.blockers(PROD)).containsExactly(declared, lastKnownGood);

    store.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.ALERT));

    assertThat(store.blockers(PROD)).containsExactly(lastKnownGood);
  }

  @StoreTest
  void closing_and_opening_again_keeps_the_reports_and_the_block(Db db) {
    DriftReportUnits first = open(db);
    first.save(driverDrift(PROD, DriftKind.DECLARED, DriftAction.BLOCK));
    List<StoredDriftReport> before = first.list(PROD, 10);
    first.close();

    DriftReportUnits reopened = open(db);

    assertThat(reopened.list(PROD, 10)).isEqualTo(before);
    assertThat(reopened.blocked(PROD)).isTrue();
    assertThat(reopened.save(inSync(PROD, DriftKind.DECLARED)).id())
        .isGreaterThan(before.get(0).id());
  }

  /**
   * The repository as the services use it: each call a unit of work of its own. A save follows the
   * latest report of its environment and kind, read in the same unit of work, and appends the event
   * that records it, as the outbox requires.
   */
  private record DriftReportUnits(Database database) {
    StoredDriftReport save(DriftReportRecord report) {
      return database.write(
          "save a drift report of " + report.environment(),
          tx -> {
            Optional<StoredDriftReport> previous =
                tx.driftReports().latest(report.environment(), report.kind());
            StoredDriftReport saved = tx.driftReports().save(report, previous);
            tx.events().append(event(report));
            return saved;
          });
    }

    Optional<StoredDriftReport> latest(String environment, DriftKind kind) {
      return database.read(
          "read the latest drift report", tx -> tx.driftReports().latest(environment, kind));
    }

    List<StoredDriftReport> list(String environment, int limit) {
      return database.read("list drift reports", tx -> tx.driftReports().list(environment, limit));
    }

    List<StoredDriftReport> blockers(String environment) {
      return database.read("read the blockers", tx -> tx.driftReports().blockers(environment));
    }

    boolean blocked(String environment) {
      return database.read("read the block", tx -> tx.driftReports().blocked(environment));
    }

    void close() {
      database.close();
    }

    private static Event event(DriftReportRecord report) {
      return report.differences() > 0
          ? new DriftDetected(
              report.environment(),
              report.kind(),
              report.baseline(),
              report.current(),
              report.differences(),
              report.action())
          : new DriftResolved(
              report.environment(), report.kind(), report.baseline(), report.current());
    }
  }

  /** A report like the real one: the driver version changed in the platform layer. */
  private static DriftReportRecord driverDrift(
      String environment, DriftKind kind, DriftAction action) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.putArray("added");
    report.putArray("removed");
    report
        .putArray("changed")
        .addObject()
        .put("fact", "gpu.driver.version")
        .put("layer", "platform")
        .put("expected", "550.54.15")
        .put("observed", "555.42.02");
    Digest baseline = kind == DriftKind.DECLARED ? DECLARED : GOOD;
    return new DriftReportRecord(environment, kind, baseline, CURRENT, 1, action, report);
  }

  private static DriftReportRecord inSync(String environment, DriftKind kind) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.putArray("added");
    report.putArray("removed");
    report.putArray("changed");
    Digest baseline = kind == DriftKind.DECLARED ? DECLARED : GOOD;
    return new DriftReportRecord(environment, kind, baseline, CURRENT, 0, DriftAction.NONE, report);
  }

  private static Digest digest(String text) {
    return Digest.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
