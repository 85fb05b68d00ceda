package dev.sextant.server.discovery;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Drift;
import dev.sextant.core.fingerprint.DriftReport;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.DriftAction;
import dev.sextant.server.store.DriftDetected;
import dev.sextant.server.store.DriftKind;
import dev.sextant.server.store.DriftReportRecord;
import dev.sextant.server.store.DriftResolved;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.LastKnownGood;
import dev.sextant.server.store.StoredDriftReport;
import dev.sextant.server.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares each environment's latest fingerprint with what it declares and with its last known good
 * one, stores a report whenever drift appears, changes or goes away, and acts as the Environment's
 * {@code spec.drift} says: {@code alert} logs an event and counts it, {@code block} also stops new
 * deployments until resolved, {@code remediate} and {@code rollback} are recorded for the rollout
 * engine to act on once it exists. Run on every new fingerprint and on a schedule.
 *
 * <p>A check is one unit of work, and each report it stores follows the latest one of its kind
 * ({@link dev.sextant.server.store.DriftReportRepository}), so servers that check the same
 * environment at once store each finding once.
 */
public final class DriftWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);

  private final Database database;
  private final DriftMetrics metrics;
  // Set once by the server at its start, before any check: what acts on drift found.
  private volatile BiConsumer<String, List<StoredDriftReport>> found = (environment, reports) -> {};

  public DriftWatch(Database database, DriftMetrics metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  /** The drift of one environment as it stands now; nothing is stored. */
  public DriftStatus status(String environment) {
    return database.read(
        "read the drift of environment " + environment, tx -> status(tx, environment));
  }

  private static DriftStatus status(Transaction tx, String environment) {
    Optional<EnvironmentSpec> spec = Environments.spec(tx, environment);
    Optional<FingerprintRevision> latest = tx.fingerprints().latest(environment);
    if (spec.isEmpty() && latest.isEmpty()) {
      throw new Refusal(
          Refusal.Reason.NOT_FOUND,
          "environment " + environment + " is not declared and has no fingerprint");
    }
    Optional<DriftReport> declared = Optional.empty();
    Optional<DriftReport> sinceGood = Optional.empty();
    Optional<LastKnownGood> good = tx.fingerprints().lastKnownGood(environment);
    if (latest.isPresent()) {
      Fingerprint current = fingerprint(latest.get());
      declared = spec.map(s -> Drift.declared(s.facts(), current));
      sinceGood = good.map(g -> Drift.between(fingerprint(g.fingerprint()), current));
    }
    DriftAction action = spec.map(DriftWatch::action).orElse(DriftAction.ALERT);
    return new DriftStatus(
        environment,
        latest.map(FingerprintRevision::summary),
        good.map(g -> g.fingerprint().summary()),
        declared,
        sinceGood,
        action,
        tx.driftReports().blocked(environment));
  }

  /**
   * Who is told, after its commit, of every check that stored a report with differences: the
   * server, which acts as the environment's drift action says (rollback, remediate).
   */
  public void whenFound(BiConsumer<String, List<StoredDriftReport>> listener) {
    this.found = listener;
  }

  /** Checks one environment and stores what changed; returns the reports stored now. */
  public List<StoredDriftReport> check(String environment) {
    List<StoredDriftReport> stored =
        database.write(
            "check the drift of environment " + environment, tx -> check(tx, environment));
    for (StoredDriftReport report : stored) {
      if (report.report().differences() > 0) {
        metrics.detected(
            environment, report.report().kind().word(), report.report().action().word());
      }
    }
    if (stored.stream().anyMatch(r -> r.report().differences() > 0)) {
      found.accept(environment, stored);
    }
    return stored;
  }

  private static List<StoredDriftReport> check(Transaction tx, String environment) {
    DriftStatus status = status(tx, environment);
    List<StoredDriftReport> stored = new ArrayList<>();
    if (status.latest().isEmpty()) {
      return stored;
    }
    Digest current = status.latest().get().digest();
    if (status.declared().isPresent()) {
      Digest baseline = Environments.revision(tx, environment).orElseThrow().digest();
      save(
              tx,
              environment,
              DriftKind.DECLARED,
              baseline,
              current,
              status.declared().get(),
              status.action())
          .ifPresent(stored::add);
    }
    if (status.sinceLastKnownGood().isPresent()) {
      Digest baseline = status.lastKnownGood().orElseThrow().digest();
      save(
              tx,
              environment,
              DriftKind.LAST_KNOWN_GOOD,
              baseline,
              current,
              status.sinceLastKnownGood().get(),
              status.action())
          .ifPresent(stored::add);
    }
    return stored;
  }

  /**
   * Checks every environment that has a fingerprint; one failing environment does not stop the
   * rest.
   */
  public void checkAll() {
    metrics.checkedAll();
    List<String> environments =
        database.read(
            "list the environments with fingerprints", tx -> tx.fingerprints().environments());
    for (String environment : environments) {
      try {
        check(environment);
      } catch (RuntimeException e) {
        LOG.warn("drift check of environment {} failed: {}", environment, e.getMessage());
      }
    }
  }

  /**
   * Stores a report, with its event, when there is something to say: drift that is new or differs
   * from the last report's, or the end of drift. A clean check after a clean one (or after none)
   * stores nothing.
   */
  private static Optional<StoredDriftReport> save(
      Transaction tx,
      String environment,
      DriftKind kind,
      Digest baseline,
      Digest current,
      DriftReport report,
      DriftAction wanted) {
    Digest reportDigest = Digest.sha256(CanonicalJson.bytes(report.toJson()));
    Optional<StoredDriftReport> previous = tx.driftReports().latest(environment, kind);
    boolean drifted = !report.isEmpty();
    boolean wasDrifted = previous.map(p -> p.report().differences() > 0).orElse(false);
    if (!drifted && !wasDrifted) {
      return Optional.empty();
    }
    if (previous.isPresent()
        && previous.get().digest().equals(reportDigest)
        && previous.get().report().baseline().equals(baseline)
        && previous.get().report().current().equals(current)) {
      return Optional.empty();
    }
    DriftAction action = drifted ? wanted : DriftAction.NONE;
    StoredDriftReport saved =
        tx.driftReports()
            .save(
                new DriftReportRecord(
                    environment,
                    kind,
                    baseline,
                    current,
                    report.changes().size(),
                    action,
                    report.toJson()),
                previous);
    tx.events()
        .append(
            drifted
                ? new DriftDetected(
                    environment, kind, baseline, current, report.changes().size(), action)
                : new DriftResolved(environment, kind, baseline, current));
    return Optional.of(saved);
  }

  private static DriftAction action(EnvironmentSpec spec) {
    return DriftAction.fromWord(spec.drift().name().toLowerCase(Locale.ROOT))
        .orElse(DriftAction.ALERT);
  }

  static Fingerprint fingerprint(FingerprintRevision revision) {
    return FingerprintFiles.parse(
        "fingerprint revision " + revision.number(),
        CanonicalJson.string(revision.document()).getBytes(StandardCharsets.UTF_8));
  }

  /** The environment's last {@code limit} drift reports, oldest first. */
  public List<StoredDriftReport> reports(String environment, int limit) {
    return database.read(
        "list the drift reports of environment " + environment,
        tx -> tx.driftReports().list(environment, limit));
  }

  /** Whether drift blocks new deployments to the environment. */
  public boolean blocked(String environment) {
    return database.read(
        "read whether drift blocks environment " + environment,
        tx -> tx.driftReports().blocked(environment));
  }
}
