package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An approver approved a plan: the digest they read, and until when the approval counts.
 *
 * @param approved whether the plan now has every approval it needs
 */
public record PlanApproved(
    String plan, String approver, Digest digest, Instant expires, boolean approved)
    implements Event {
  public static final String TYPE = "plan.approved";

  @Override
  public String actor() {
    return approver;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("plan", plan),
        approved ? "approved" : "awaiting-approval",
        Optional.empty(),
        Map.of("plan", digest),
        Event.detail().put("approver", approver).put("expires", expires.toString()));
  }

  static PlanApproved of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new PlanApproved(
        Event.subjectName(envelope),
        Event.text(envelope, "approver"),
        Event.input(envelope, "plan"),
        Instant.parse(Event.text(envelope, "expires")),
        envelope.outcome().equals("approved"));
  }
}
