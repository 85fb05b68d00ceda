package dev.sextant.server.plan;

import dev.sextant.core.approval.ApprovalRule;
import dev.sextant.core.approval.ApprovalStatus;
import dev.sextant.server.store.StoredApproval;
import dev.sextant.server.store.StoredPlan;
import java.util.List;
import java.util.Locale;

/**
 * A submitted plan as it stands now: its approvals, and how far they meet what its policies ask.
 */
public record PlanView(
    StoredPlan plan,
    List<ApprovalRule> rules,
    List<StoredApproval> approvals,
    ApprovalStatus status) {

  /** Whether the plan may be deployed now, waits for approvals, or may not be deployed at all. */
  public enum State {
    APPROVED,
    AWAITING_APPROVAL,
    REFUSED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public State state() {
    return switch (plan.verdict()) {
      case "compatible" -> State.APPROVED;
      case "needs-approval" -> status.approved() ? State.APPROVED : State.AWAITING_APPROVAL;
      default -> State.REFUSED;
    };
  }
}
