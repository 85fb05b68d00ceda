package dev.sextant.core.approval;

import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.approval.ApprovalRefusal.Reason;
import dev.sextant.core.approval.ApprovalStatus.Uncounted;
import dev.sextant.core.approval.ApprovalStatus.Why;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The four-eyes principle: whoever asked for a plan never approves it, and a plan held by a policy
 * goes ahead only once enough other people, allowed to approve, have approved that very plan.
 */
public final class FourEyes {
  private FourEyes() {}

  /**
   * Why this approval may not be recorded, or empty when it may: the first reason in the order of
   * {@link Reason}.
   *
   * @param requester who asked for the plan
   * @param approver who approves
   * @param rolesInScope the roles the approver holds in the plan's environment now
   * @param approvedDigest the digest of the plan the approver read
   * @param planDigest the digest of the plan as it is now
   * @param rules what the policies that hold the plan ask
   * @param existing the approvals recorded so far
   * @param now the time of the approval
   */
  public static Optional<ApprovalRefusal> refuse(
      String requester,
      String approver,
      Set<Role> rolesInScope,
      Digest approvedDigest,
      Digest planDigest,
      List<ApprovalRule> rules,
      List<Approval> existing,
      Instant now) {
    if (rules.isEmpty()) {
      return refusal(
          Reason.NOTHING_TO_APPROVE,
          "nothing to approve: no policy holds this plan for approval; it can be deployed as it"
              + " is");
    }
    ApprovalStatus status = status(requester, rules, planDigest, existing, now);
    if (status.approved()) {
      return refusal(
          Reason.NOTHING_TO_APPROVE,
          "nothing to approve: the plan already has every approval its policies ask for ("
              + status.rules().stream()
                  .map(r -> r.rule().policy() + ": " + String.join(", ", r.counted()))
                  .collect(Collectors.joining("; "))
              + "); it can be deployed");
    }
    if (approver.equals(requester)) {
      return refusal(Reason.OWN_REQUEST, "you asked for this plan; another person must approve it");
    }
    if (rolesInScope.stream().noneMatch(r -> r.permits(Permission.APPROVE))) {
      return refusal(
          Reason.NOT_AN_APPROVER,
          approver
              + " may not approve plans in this environment: the roles held here ("
              + (rolesInScope.isEmpty()
                  ? "none"
                  : new TreeSet<>(rolesInScope)
                      .stream().map(Role::label).collect(Collectors.joining(", ")))
              + ") do not include approving; an approver or an admin of this environment must"
              + " approve it");
    }
    if (rules.stream().allMatch(ApprovalRule::namesApprovers)
        && rules.stream().noneMatch(r -> r.names(approver, rolesInScope))) {
      return refusal(
          Reason.NOT_NAMED,
          approver
              + " is not among the approvers the policies name ("
              + rules.stream().map(ApprovalRule::whoMay).collect(Collectors.joining("; "))
              + "); one of them must approve it");
    }
    if (!approvedDigest.equals(planDigest)) {
      return refusal(
          Reason.CHANGED_PLAN,
          "the plan changed since it was read: it is now "
              + planDigest
              + ", not "
              + approvedDigest
              + "; read the plan again and approve its current digest");
    }
    return Optional.empty();
  }

  /**
   * How far the approvals meet each rule at {@code now}. An approval counts for a rule when it is
   * not the requester's, was for this very plan, has not expired, was given holding a role that may
   * approve, and its approver is among those the rule names, if it names any; each approver counts
   * once.
   */
  public static ApprovalStatus status(
      String requester,
      List<ApprovalRule> rules,
      Digest planDigest,
      List<Approval> approvals,
      Instant now) {
    List<Uncounted> uncounted = new ArrayList<>();
    List<Approval> counting = new ArrayList<>();
    for (Approval approval : approvals) {
      whyNot(requester, rules, planDigest, approval, now)
          .ifPresentOrElse(
              why -> uncounted.add(new Uncounted(approval, why)), () -> counting.add(approval));
    }
    List<RuleStatus> statuses = new ArrayList<>();
    for (ApprovalRule rule : rules) {
      Set<String> counted = new LinkedHashSet<>();
      for (Approval approval : counting) {
        if (rule.names(approval.approver(), approval.roles())) {
          counted.add(approval.approver());
        }
      }
      statuses.add(
          new RuleStatus(
              rule, List.copyOf(counted), Math.max(0, rule.approvals() - counted.size())));
    }
    return new ApprovalStatus(statuses, uncounted);
  }

  private static Optional<Why> whyNot(
      String requester,
      List<ApprovalRule> rules,
      Digest planDigest,
      Approval approval,
      Instant now) {
    if (approval.approver().equals(requester)) {
      return Optional.of(Why.REQUESTER);
    }
    if (!approval.plan().equals(planDigest)) {
      return Optional.of(Why.OTHER_PLAN);
    }
    if (!approval.liveAt(now)) {
      return Optional.of(Why.EXPIRED);
    }
    if (!approval.heldApprove()) {
      return Optional.of(Why.NOT_AN_APPROVER);
    }
    if (!rules.isEmpty()
        && rules.stream().noneMatch(r -> r.names(approval.approver(), approval.roles()))) {
      return Optional.of(Why.NOT_NAMED);
    }
    return Optional.empty();
  }

  private static Optional<ApprovalRefusal> refusal(Reason reason, String message) {
    return Optional.of(new ApprovalRefusal(reason, message));
  }
}
