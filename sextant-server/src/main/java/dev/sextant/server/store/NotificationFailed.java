package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * An attempt to send a notification failed: it will be tried again (outcome {@code retrying}), or
 * its attempts are spent and it is a dead letter (outcome {@code dead-lettered}). The reason says
 * why without the URL, which may itself be a secret.
 *
 * @param status the receiver's HTTP status; 0 when it did not answer
 */
public record NotificationFailed(
    String notifier,
    long delivery,
    String rollout,
    int attempts,
    int status,
    String outcome,
    String reason)
    implements Event {
  public static final String TYPE = "notification.failed";
  public static final String RETRYING = "retrying";
  public static final String DEAD_LETTERED = "dead-lettered";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("notifier", notifier),
        outcome,
        Optional.of(reason),
        Map.of(),
        Event.detail()
            .put("delivery", delivery)
            .put("rollout", rollout)
            .put("attempts", attempts)
            .put("status", status));
  }

  static NotificationFailed of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new NotificationFailed(
        Event.subjectName(envelope),
        Event.number(envelope, "delivery"),
        Event.text(envelope, "rollout"),
        (int) Event.number(envelope, "attempts"),
        (int) Event.number(envelope, "status"),
        envelope.outcome(),
        envelope.reason().orElse(""));
  }
}
