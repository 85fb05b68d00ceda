package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** A notifier's receiver took a notification (a 2xx answer), at the attempt counted here. */
public record NotificationDelivered(
    String notifier, long delivery, String rollout, int attempts, int status) implements Event {
  public static final String TYPE = "notification.delivered";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("notifier", notifier),
        "delivered",
        Optional.empty(),
        Map.of(),
        Event.detail()
            .put("delivery", delivery)
            .put("rollout", rollout)
            .put("attempts", attempts)
            .put("status", status));
  }

  static NotificationDelivered of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new NotificationDelivered(
        Event.subjectName(envelope),
        Event.number(envelope, "delivery"),
        Event.text(envelope, "rollout"),
        (int) Event.number(envelope, "attempts"),
        (int) Event.number(envelope, "status"));
  }
}
