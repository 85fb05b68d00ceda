package dev.sextant.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.access.Role;
import dev.sextant.core.policy.PolicyOutcome;
import dev.sextant.core.policy.PolicyOutcome.Status;
import dev.sextant.core.resource.spec.PolicySpec.Effect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {

  @Test
  void only_outcomes_that_hold_the_plan_for_approval_become_rules() {
    List<PolicyOutcome> outcomes =
        List.of(
            outcome(
                "signed", Effect.REQUIRE_APPROVAL, Status.VIOLATED, List.of("role:approver"), 2),
            outcome("window", Effect.REQUIRE_APPROVAL, Status.HOLDS, List.of("bob"), 1),
            outcome("residency", Effect.DENY, Status.VIOLATED, List.of(), 1),
            outcome("size", Effect.WARN, Status.VIOLATED, List.of(), 1),
            outcome("broken", Effect.REQUIRE_APPROVAL, Status.FAILED, List.of(), 1));

    assertThat(ApprovalRule.of(outcomes))
        .containsExactly(new ApprovalRule("signed", List.of("role:approver"), 2));
  }

  @Test
  void a_rule_names_an_approver_by_name_or_by_a_role_they_hold_or_an_admin() {
    ApprovalRule rule = new ApprovalRule("signed", List.of("role:approver", "bob"), 1);

    assertThat(rule.names("bob", Set.of())).isTrue();
    assertThat(rule.names("alice", Set.of(Role.APPROVER))).isTrue();
    assertThat(rule.names("alice", Set.of(Role.ADMIN))).as("an admin holds every role").isTrue();
    assertThat(rule.names("bobby", Set.of(Role.DEPLOYER))).isFalse();
  }

  @Test
  void a_rule_that_names_nobody_leaves_it_to_whoever_may_approve() {
    ApprovalRule rule = new ApprovalRule("signed", List.of(), 1);

    assertThat(rule.namesApprovers()).isFalse();
    assertThat(rule.names("anyone", Set.of())).isTrue();
  }

  @Test
  void a_rule_asking_for_no_approval_is_refused() {
    assertThatThrownBy(() -> new ApprovalRule("signed", List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy signed asks for 0 approvals; at least 1 is needed");
  }

  private static PolicyOutcome outcome(
      String policy, Effect effect, Status status, List<String> approvers, int approvals) {
    return new PolicyOutcome(policy, effect, status, "", approvers, approvals);
  }
}
