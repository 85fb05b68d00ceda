package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** The target carried out a command of a rollout; its idempotency key names it. */
public record RolloutCommandRan(String rollout, String idempotencyKey, String kind)
    implements Event {
  public static final String TYPE = "rollout.command-ran";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("rollout", rollout),
        "done",
        Optional.empty(),
        Map.of(),
        Event.detail().put("key", idempotencyKey).put("kind", kind));
  }

  static RolloutCommandRan of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new RolloutCommandRan(
        Event.subjectName(envelope), Event.text(envelope, "key"), Event.text(envelope, "kind"));
  }
}
