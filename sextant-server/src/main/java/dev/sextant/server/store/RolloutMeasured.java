package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** An analysis of a rollout took a measurement, and its metric gave a verdict on it. */
public record RolloutMeasured(String rollout, StoredMeasurement measurement) implements Event {
  public static final String TYPE = "rollout.measured";

  @Override
  public EventEnvelope envelope() {
    var detail =
        Event.detail()
            .put("analysis", measurement.analysis())
            .put("metric", measurement.metric())
            .put("track", measurement.track())
            .put("at", measurement.at().toString());
    measurement.value().ifPresent(v -> detail.put("value", v));
    return Event.envelope(
        TYPE,
        Event.subject("rollout", rollout),
        measurement.verdict(),
        measurement.message(),
        Map.of(),
        detail);
  }

  static RolloutMeasured of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    var value = envelope.detailToRead().get("value");
    return new RolloutMeasured(
        Event.subjectName(envelope),
        new StoredMeasurement(
            Event.text(envelope, "analysis"),
            Event.text(envelope, "metric"),
            envelope.detailToRead().has("track") ? Event.text(envelope, "track") : "canary",
            java.time.Instant.parse(Event.text(envelope, "at")),
            value == null ? Optional.empty() : Optional.of(value.asDouble()),
            envelope.outcome(),
            envelope.reason()));
  }
}
