package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;

/**
 * A drift check found the environment's current fingerprint differing from a baseline (its declared
 * facts, or its last known good fingerprint), and took the action its outcome names.
 */
public record DriftDetected(
    String environment,
    DriftKind kind,
    Digest baseline,
    Digest current,
    int differences,
    DriftAction action)
    implements Event {
  public static final String TYPE = "drift.detected";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        "environment/" + environment,
        action.word(),
        Optional.empty(),
        Map.of("baseline", baseline, "current", current),
        Event.detail().put("kind", kind.word()).put("differences", differences));
  }

  static DriftDetected of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new DriftDetected(
        Event.subjectName(envelope),
        DriftEvents.kind(envelope),
        Event.input(envelope, "baseline"),
        Event.input(envelope, "current"),
        (int) Event.number(envelope, "differences"),
        DriftAction.fromWord(envelope.outcome())
            .orElseThrow(() -> new IllegalArgumentException("unknown action")));
  }
}
