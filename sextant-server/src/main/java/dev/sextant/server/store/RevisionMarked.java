package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * A finished rollout marked the revision it ran: {@code good} when it completed, {@code bad} when
 * it failed. An undo goes back to the last good revision and refuses a bad one unless forced.
 */
public record RevisionMarked(
    String environment, String service, String revision, String mark, String rollout)
    implements Event {
  public static final String TYPE = "revision.marked";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("service", environment + "/" + service),
        mark,
        Optional.empty(),
        Map.of(),
        Event.detail().put("revision", revision).put("rollout", rollout));
  }

  static RevisionMarked of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    String subject = Event.subjectName(envelope);
    int slash = subject.indexOf('/');
    return new RevisionMarked(
        subject.substring(0, slash),
        subject.substring(slash + 1),
        Event.text(envelope, "revision"),
        envelope.outcome(),
        Event.text(envelope, "rollout"));
  }
}
