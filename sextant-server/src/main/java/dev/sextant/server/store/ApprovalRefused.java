package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * An approval was refused: the requester approving their own plan, an approver the policy does not
 * name, a plan that changed since it was read, or one that needs no approval.
 */
public record ApprovalRefused(String plan, String approver, String reason) implements Event {
  public static final String TYPE = "approval.refused";

  @Override
  public String actor() {
    return approver;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("plan", plan),
        "refused",
        Optional.of(reason),
        Map.of(),
        Event.detail().put("approver", approver));
  }

  static ApprovalRefused of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new ApprovalRefused(
        Event.subjectName(envelope),
        Event.text(envelope, "approver"),
        envelope.reason().orElse(""));
  }
}
