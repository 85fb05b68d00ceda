package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * A notification was queued for a notifier: about a rollout's transition (outcome {@code queued}),
 * or again, from the dead letters, by an operator (outcome {@code replayed}). Names the notifier,
 * never its URL.
 *
 * @param eventSequence the outbox event the notification is about
 */
public record NotificationQueued(
    String notifier, long delivery, String rollout, long eventSequence, String outcome, String by)
    implements Event {
  public static final String TYPE = "notification.queued";

  @Override
  public String actor() {
    return outcome.equals("queued") ? SYSTEM : by;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("notifier", notifier),
        outcome,
        Optional.empty(),
        Map.of(),
        Event.detail()
            .put("delivery", delivery)
            .put("rollout", rollout)
            .put("eventSequence", eventSequence)
            .put("by", by));
  }

  static NotificationQueued of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new NotificationQueued(
        Event.subjectName(envelope),
        Event.number(envelope, "delivery"),
        Event.text(envelope, "rollout"),
        Event.number(envelope, "eventSequence"),
        envelope.outcome(),
        Event.text(envelope, "by"));
  }
}
