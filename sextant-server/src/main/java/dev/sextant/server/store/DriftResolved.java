package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;

/** A drift check found no drift where the previous check of that kind had found some. */
public record DriftResolved(String environment, DriftKind kind, Digest baseline, Digest current)
    implements Event {
  public static final String TYPE = "drift.resolved";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        "environment/" + environment,
        "resolved",
        Optional.empty(),
        Map.of("baseline", baseline, "current", current),
        Event.detail().put("kind", kind.word()).put("differences", 0));
  }

  static DriftResolved of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new DriftResolved(
        Event.subjectName(envelope),
        DriftEvents.kind(envelope),
        Event.input(envelope, "baseline"),
        Event.input(envelope, "current"));
  }
}
