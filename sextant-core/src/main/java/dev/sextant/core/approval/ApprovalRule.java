package dev.sextant.core.approval;

import dev.sextant.core.access.Role;
import dev.sextant.core.policy.PolicyOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one {@code requireApproval} Policy asks of a plan.
 *
 * @param policy the Policy's name
 * @param approvers who may approve: user names or {@code role:NAME}; empty means anyone who holds
 *     the approve permission
 * @param approvals how many distinct approvers it takes
 */
public record ApprovalRule(String policy, List<String> approvers, int approvals) {
  private static final String ROLE = "role:";

  public ApprovalRule {
    Objects.requireNonNull(policy, "policy");
    approvers = List.copyOf(approvers);
    if (approvals < 1) {
      throw new IllegalArgumentException(
          "policy " + policy + " asks for " + approvals + " approvals; at least 1 is needed");
    }
  }

  /** The rules of the outcomes that hold a plan for approval; the others ask nothing. */
  public static List<ApprovalRule> of(List<PolicyOutcome> outcomes) {
    return outcomes.stream()
        .filter(PolicyOutcome::needsApproval)
        .map(o -> new ApprovalRule(o.policy(), o.approvers(), o.approvals()))
        .toList();
  }

  /** Whether the rule names its approvers, rather than leaving it to anyone who may approve. */
  public boolean namesApprovers() {
    return !approvers.isEmpty();
  }

  /**
   * Whether this person, holding these roles, is among those named: by name, or by a role they
   * hold; an admin holds every role's rights, so {@code role:approver} names an admin too. A rule
   * that names nobody accepts everyone; whether they may approve at all is asked apart.
   */
  public boolean names(String approver, Set<Role> roles) {
    return !namesApprovers()
        || approvers.stream()
            .anyMatch(
                entry ->
                    entry.equals(approver)
                        || roles.contains(Role.ADMIN) && entry.startsWith(ROLE)
                        || roles.stream().anyMatch(r -> entry.equals(ROLE + r.label())));
  }

  /** "policy p: role:approver or bob", as a refusal lists who may approve. */
  String whoMay() {
    return "policy "
        + policy
        + ": "
        + (namesApprovers() ? String.join(" or ", approvers) : "anyone with the approver role");
  }
}
