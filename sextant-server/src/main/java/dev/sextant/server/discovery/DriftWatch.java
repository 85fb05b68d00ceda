package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.Drift;
import dev.sextant.core.fingerprint.DriftReport;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.server.store.DriftAction;
import dev.sextant.server.store.DriftKind;
import dev.sextant.server.store.DriftReportRecord;
import dev.sextant.server.store.Event;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.LastKnownGood;
import dev.sextant.server.store.ServerStores;
import dev.sextant.server.store.StoredDriftReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares each environment's latest fingerprint with what it declares and with its last known
 * good one, stores a report whenever the comparison changes, and acts as the Environment's
 * {@code spec.drift} says: {@code alert} logs an event and counts it, {@code block} also stops new
 * deployments until resolved, {@code remediate} and {@code rollback} are recorded for the rollout
 * engine to act on once it exists. Run on every new fingerprint and on a schedule.
 */
public final class DriftWatch {
  private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);

  private final ServerStores stores;
  private final DriftMetrics metrics;

  public DriftWatch(ServerStores stores, DriftMetrics metrics) {
    this.stores = stores;
    this.metrics = metrics;
  }

  /** The drift of one environment as it stands now; nothing is stored. */
  public DriftStatus status(String environment) {
    Optional<EnvironmentSpec> spec = spec(environment);
    Optional<FingerprintRevision> latest = stores.fingerprints().latest(environment);
    if (spec.isEmpty() && latest.isEmpty()) {
      throw new Refusal(Refusal.Reason.NOT_FOUND, "environment " + environment + " is not declared and has no fingerprint");
    }
    Optional<DriftReport> declared = Optional.empty();
    Optional<DriftReport> sinceGood = Optional.empty();
    Optional<LastKnownGood> good = stores.fingerprints().lastKnownGood(environment);
    if (latest.isPresent()) {
      Fingerprint current = fingerprint(latest.get());
      declared = spec.map(s -> Drift.declared(s.facts(), current));
      sinceGood = good.map(g -> Drift.between(fingerprint(g.fingerprint()), current));
    }
    DriftAction action = spec.map(s -> action(s)).orElse(DriftAction.ALERT);
    return new DriftStatus(environment, latest.map(FingerprintRevision::summary), good.map(g -> g.fingerprint().summary()), declared, sinceGood, action, !stores.driftReports().blockers(environment).isEmpty());
  }

  /** Checks one environment and stores what changed; returns the reports stored now. */
  public List<StoredDriftReport> check(String environment) {
    DriftStatus status = status(environment);
    List<StoredDriftReport> stored = new ArrayList<>();
    if (status.latest().isEmpty()) {
      return stored;
    }
    Digest current = status.latest().get().digest();
    status.declared().ifPresent(report -> save(environment, DriftKind.DECLARED, declaredBaseline(environment), current, report, status.action()).ifPresent(stored::add));
    status.sinceLastKnownGood().ifPresent(report -> save(environment, DriftKind.LAST_KNOWN_GOOD, status.lastKnownGood().orElseThrow().digest(), current, report, status.action()).ifPresent(stored::add));
    return stored;
  }

  /** Checks every environment that has a fingerprint; one failing environment does not stop the rest. */
  public void checkAll() {
    for (String environment : stores.fingerprints().environments()) {
      try {
        check(environment);
      } catch (RuntimeException e) {
        LOG.warn("drift check of environment {} failed: {}", environment, e.getMessage());
      }
    }
  }

  private Optional<StoredDriftReport> save(String environment, DriftKind kind, Digest baseline, Digest current, DriftReport report, DriftAction wanted) {
    ObjectNode json = report.toJson();
    Digest reportDigest = Digest.sha256(CanonicalJson.bytes(json));
    Optional<StoredDriftReport> previous = stores.driftReports().latest(environment, kind);
    if (previous.isPresent() && previous.get().digest().equals(reportDigest) && previous.get().report().baseline().equals(baseline) && previous.get().report().current().equals(current)) {
      return Optional.empty();
    }
    boolean drifted = !report.isEmpty();
    DriftAction action = drifted ? wanted : DriftAction.NONE;
    StoredDriftReport saved = stores.driftReports().save(new DriftReportRecord(environment, kind, baseline, current, report.changes().size(), action, json));
    boolean wasDrifted = previous.map(p -> p.report().differences() > 0).orElse(false);
    if (drifted) {
      metrics.detected(environment, kind.word(), action.word());
      event("drift.detected", environment, action.word(), kind, baseline, current, report);
    } else if (wasDrifted) {
      event("drift.resolved", environment, "resolved", kind, baseline, current, report);
    }
    return Optional.of(saved);
  }

  private void event(String type, String environment, String outcome, DriftKind kind, Digest baseline, Digest current, DriftReport report) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode().put("kind", kind.word()).put("differences", report.changes().size());
    stores.events().append(new Event(type, "environment/" + environment, outcome, Optional.empty(), new TreeMap<>(Map.of("baseline", baseline, "current", current)), detail));
  }

  /** The digest of the declaration a report compared with: the Environment's current revision. */
  private Digest declaredBaseline(String environment) {
    return stores.resources().latest(new ResourceKey(Kind.ENVIRONMENT, environment)).orElseThrow().digest();
  }

  private Optional<EnvironmentSpec> spec(String environment) {
    return Environments.spec(stores.resources(), environment);
  }

  private static DriftAction action(EnvironmentSpec spec) {
    return DriftAction.fromWord(spec.drift().name().toLowerCase(java.util.Locale.ROOT)).orElse(DriftAction.ALERT);
  }

  static Fingerprint fingerprint(FingerprintRevision revision) {
    return FingerprintFiles.parse("fingerprint revision " + revision.number(), CanonicalJson.string(revision.document()).getBytes(StandardCharsets.UTF_8));
  }
}
