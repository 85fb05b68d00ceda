package dev.sextant.core.approval;

import java.util.List;
import java.util.Objects;

/**
 * Whether a plan's approvals meet every rule that holds it, and which approvals do not count and
 * why, so that a view can explain a plan still waiting.
 */
public record ApprovalStatus(List<RuleStatus> rules, List<Uncounted> uncounted) {
  public ApprovalStatus {
    rules = List.copyOf(rules);
    uncounted = List.copyOf(uncounted);
  }

  /** Whether every rule has enough approvals; a plan no rule holds needs none. */
  public boolean approved() {
    return rules.stream().allMatch(RuleStatus::met);
  }

  /** An approval that counts for no rule. */
  public record Uncounted(Approval approval, Why why) {
    public Uncounted {
      Objects.requireNonNull(approval, "approval");
      Objects.requireNonNull(why, "why");
    }

    /** E.g. "bob's approval expired at 2026-12-06T10:00:00Z". */
    public String message() {
      String whose = approval.approver() + "'s approval";
      return switch (why) {
        case REQUESTER -> whose + " does not count: they asked for this plan";
        case OTHER_PLAN ->
            whose
                + " was for plan "
                + approval.plan().shortHex()
                + ", which has changed since; the current plan needs approving anew";
        case EXPIRED -> whose + " expired at " + approval.expires();
        case NOT_AN_APPROVER ->
            whose + " does not count: they held no role that may approve when they gave it";
        case NOT_NAMED -> whose + " does not count: no policy names them or a role they held";
      };
    }
  }

  /** Why an approval does not count, in the order it is asked. */
  public enum Why {
    REQUESTER,
    OTHER_PLAN,
    EXPIRED,
    NOT_AN_APPROVER,
    NOT_NAMED
  }
}
