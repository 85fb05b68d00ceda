package dev.sextant.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.core.access.Role;
import dev.sextant.core.approval.ApprovalRefusal.Kind;
import dev.sextant.core.approval.ApprovalRefusal.Reason;
import dev.sextant.core.approval.ApprovalStatus.Uncounted;
import dev.sextant.core.approval.ApprovalStatus.Why;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FourEyesTest {
  private static final Digest PLAN = Digest.sha256("plan".getBytes(StandardCharsets.UTF_8));
  private static final Digest CHANGED = Digest.sha256("changed".getBytes(StandardCharsets.UTF_8));
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final ApprovalRule ANYONE = new ApprovalRule("signed", List.of(), 1);
  private static final ApprovalRule TWO_APPROVERS =
      new ApprovalRule("signed", List.of("role:approver"), 2);
  private static final ApprovalRule BOB = new ApprovalRule("window", List.of("bob"), 1);

  @Test
  void a_plan_no_policy_holds_has_nothing_to_approve() {
    Optional<ApprovalRefusal> refusal = refuse("bob", Set.of(Role.APPROVER), PLAN, List.of());

    assertThat(refusal)
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOTHING_TO_APPROVE);
    assertThat(refusal.get().reason().kind()).isEqualTo(Kind.CONFLICT);
    assertThat(refusal.get().message())
        .isEqualTo(
            "nothing to approve: no policy holds this plan for approval; it can be deployed as it"
                + " is");
  }

  @Test
  void a_plan_with_every_approval_it_needs_has_nothing_left_to_approve() {
    Optional<ApprovalRefusal> refusal =
        FourEyes.refuse(
            "alice",
            "carol",
            Set.of(Role.APPROVER),
            PLAN,
            PLAN,
            List.of(ANYONE),
            List.of(approval("bob", Role.APPROVER)),
            NOW);

    assertThat(refusal)
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOTHING_TO_APPROVE);
    assertThat(refusal.get().message())
        .isEqualTo(
            "nothing to approve: the plan already has every approval its policies ask for"
                + " (signed: bob); it can be deployed");
  }

  @Test
  void the_requester_is_refused_whatever_roles_they_hold_and_whoever_the_policy_names() {
    Optional<ApprovalRefusal> refusal =
        FourEyes.refuse(
            "alice",
            "alice",
            Set.of(Role.ADMIN, Role.APPROVER),
            PLAN,
            PLAN,
            List.of(new ApprovalRule("signed", List.of("alice"), 1)),
            List.of(),
            NOW);

    assertThat(refusal)
        .contains(
            new ApprovalRefusal(
                Reason.OWN_REQUEST, "you asked for this plan; another person must approve it"));
    assertThat(refusal.get().reason().kind()).isEqualTo(Kind.FORBIDDEN);
  }

  @Test
  void someone_with_no_role_that_may_approve_is_refused() {
    Optional<ApprovalRefusal> refusal =
        refuse("bob", Set.of(Role.VIEWER, Role.DEPLOYER), PLAN, List.of(ANYONE));

    assertThat(refusal)
        .contains(
            new ApprovalRefusal(
                Reason.NOT_AN_APPROVER,
                "bob may not approve plans in this environment: the roles held here (viewer,"
                    + " deployer) do not include approving; an approver or an admin of this"
                    + " environment must approve it"));
    assertThat(refusal.get().reason().kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(refuse("bob", Set.of(), PLAN, List.of(ANYONE)).get().message())
        .contains("the roles held here (none)");
  }

  @Test
  void an_approver_no_rule_names_is_refused_with_who_may() {
    ApprovalRule admins = new ApprovalRule("signed", List.of("role:admin"), 2);
    Optional<ApprovalRefusal> refusal =
        refuse("carol", Set.of(Role.APPROVER), PLAN, List.of(admins, BOB));

    assertThat(refusal)
        .contains(
            new ApprovalRefusal(
                Reason.NOT_NAMED,
                "carol is not among the approvers the policies name (policy signed: role:admin;"
                    + " policy window: bob); one of them must approve it"));
    assertThat(refusal.get().reason().kind()).isEqualTo(Kind.FORBIDDEN);
  }

  @Test
  void an_admin_holds_every_role_a_rule_names() {
    assertThat(refuse("carol", Set.of(Role.ADMIN), PLAN, List.of(TWO_APPROVERS))).isEmpty();
  }

  @Test
  void a_rule_that_names_nobody_lets_any_approver_approve() {
    assertThat(refuse("carol", Set.of(Role.ADMIN), PLAN, List.of(BOB, ANYONE))).isEmpty();
  }

  @Test
  void an_approval_of_a_plan_that_changed_since_it_was_read_is_a_conflict() {
    Optional<ApprovalRefusal> refusal = refuse("bob", Set.of(Role.APPROVER), CHANGED, List.of(BOB));

    assertThat(refusal).get().extracting(ApprovalRefusal::reason).isEqualTo(Reason.CHANGED_PLAN);
    assertThat(refusal.get().reason().kind()).isEqualTo(Kind.CONFLICT);
    assertThat(refusal.get().message())
        .isEqualTo(
            "the plan changed since it was read: it is now "
                + PLAN
                + ", not "
                + CHANGED
                + "; read the plan again and approve its current digest");
  }

  @Test
  void reasons_are_asked_in_order_so_a_requester_learns_of_their_own_request_first() {
    assertThat(refuse("alice", Set.of(Role.VIEWER), CHANGED, List.of(BOB)))
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.OWN_REQUEST);
    assertThat(refuse("carol", Set.of(Role.VIEWER), CHANGED, List.of(BOB)))
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOT_AN_APPROVER);
    assertThat(refuse("carol", Set.of(Role.APPROVER), CHANGED, List.of(BOB)))
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOT_NAMED);
  }

  @Test
  void an_approver_named_by_a_role_they_hold_may_approve() {
    assertThat(refuse("carol", Set.of(Role.APPROVER), PLAN, List.of(TWO_APPROVERS, BOB))).isEmpty();
  }

  @Test
  void the_requesters_own_approval_never_counts() {
    ApprovalStatus status =
        FourEyes.status(
            "alice", List.of(ANYONE), PLAN, List.of(approval("alice", Role.ADMIN)), NOW);

    assertThat(status.approved()).isFalse();
    assertThat(status.rules()).singleElement().satisfies(r -> assertThat(r.missing()).isEqualTo(1));
    assertThat(status.uncounted())
        .extracting(Uncounted::why, Uncounted::message)
        .containsExactly(
            tuple(Why.REQUESTER, "alice's approval does not count: they asked for this plan"));
  }

  @Test
  void each_rule_needs_its_own_distinct_approvers() {
    List<ApprovalRule> rules = List.of(TWO_APPROVERS, BOB);
    Approval carol = approval("carol", Role.APPROVER);
    Approval dave = approval("dave", Role.APPROVER);
    Approval bob = approval("bob", Role.APPROVER);

    ApprovalStatus one = FourEyes.status("alice", rules, PLAN, List.of(carol), NOW);
    ApprovalStatus two = FourEyes.status("alice", rules, PLAN, List.of(carol, dave), NOW);
    ApprovalStatus three = FourEyes.status("alice", rules, PLAN, List.of(carol, dave, bob), NOW);

    assertThat(one.rules())
        .containsExactly(
            new RuleStatus(TWO_APPROVERS, List.of("carol"), 1), new RuleStatus(BOB, List.of(), 1));
    assertThat(one.approved()).isFalse();
    assertThat(two.rules())
        .containsExactly(
            new RuleStatus(TWO_APPROVERS, List.of("carol", "dave"), 0),
            new RuleStatus(BOB, List.of(), 1));
    assertThat(two.approved()).isFalse();
    assertThat(three.rules())
        .containsExactly(
            new RuleStatus(TWO_APPROVERS, List.of("carol", "dave", "bob"), 0),
            new RuleStatus(BOB, List.of("bob"), 0));
    assertThat(three.approved()).isTrue();
    assertThat(three.uncounted()).isEmpty();
  }

  @Test
  void an_approval_does_not_count_from_the_instant_it_expires() {
    Approval bob =
        new Approval("bob", Set.of(Role.APPROVER), PLAN, NOW.minus(Duration.ofHours(1)), NOW);

    ApprovalStatus before =
        FourEyes.status("alice", List.of(BOB), PLAN, List.of(bob), NOW.minusNanos(1));
    ApprovalStatus at = FourEyes.status("alice", List.of(BOB), PLAN, List.of(bob), NOW);

    assertThat(before.approved()).isTrue();
    assertThat(at.approved()).isFalse();
    assertThat(at.uncounted())
        .extracting(Uncounted::why, Uncounted::message)
        .containsExactly(tuple(Why.EXPIRED, "bob's approval expired at 2026-12-06T10:00:00Z"));
  }

  @Test
  void a_new_digest_voids_the_approvals_of_the_plan_before() {
    List<Approval> approvals = List.of(approval("bob", Role.APPROVER));

    ApprovalStatus status = FourEyes.status("alice", List.of(BOB), CHANGED, approvals, NOW);

    assertThat(status.approved()).isFalse();
    assertThat(status.uncounted())
        .extracting(Uncounted::why, Uncounted::message)
        .containsExactly(
            tuple(
                Why.OTHER_PLAN,
                "bob's approval was for plan "
                    + PLAN.shortHex()
                    + ", which has changed since; the current plan needs approving anew"));
  }

  @Test
  void an_approver_who_approved_twice_counts_once() {
    Approval first = approval("carol", Role.APPROVER);
    Approval again =
        new Approval(
            "carol",
            Set.of(Role.APPROVER),
            PLAN,
            NOW.minus(Duration.ofMinutes(1)),
            NOW.plus(Duration.ofHours(2)));

    ApprovalStatus status =
        FourEyes.status("alice", List.of(TWO_APPROVERS), PLAN, List.of(first, again), NOW);

    assertThat(status.rules()).containsExactly(new RuleStatus(TWO_APPROVERS, List.of("carol"), 1));
    assertThat(status.approved()).isFalse();
    assertThat(status.uncounted()).isEmpty();
  }

  @Test
  void an_admin_counts_as_an_approver_and_a_deployer_or_a_viewer_does_not() {
    List<Approval> approvals =
        List.of(
            approval("dora", Role.DEPLOYER),
            approval("victor", Role.VIEWER),
            approval("ada", Role.ADMIN));

    ApprovalStatus status = FourEyes.status("alice", List.of(ANYONE), PLAN, approvals, NOW);

    assertThat(status.rules()).containsExactly(new RuleStatus(ANYONE, List.of("ada"), 0));
    assertThat(status.approved()).isTrue();
    assertThat(status.uncounted())
        .extracting(u -> u.approval().approver(), Uncounted::why)
        .containsExactly(tuple("dora", Why.NOT_AN_APPROVER), tuple("victor", Why.NOT_AN_APPROVER));
    assertThat(refuse("ada", Set.of(Role.ADMIN), PLAN, List.of(ANYONE))).isEmpty();
    assertThat(refuse("dora", Set.of(Role.DEPLOYER), PLAN, List.of(ANYONE)))
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOT_AN_APPROVER);
    assertThat(refuse("victor", Set.of(Role.VIEWER), PLAN, List.of(ANYONE)))
        .get()
        .extracting(ApprovalRefusal::reason)
        .isEqualTo(Reason.NOT_AN_APPROVER);
  }

  @Test
  void an_approval_no_rule_names_is_shown_as_not_counting() {
    ApprovalStatus status =
        FourEyes.status(
            "alice", List.of(BOB), PLAN, List.of(approval("carol", Role.APPROVER)), NOW);

    assertThat(status.uncounted())
        .extracting(Uncounted::why, Uncounted::message)
        .containsExactly(
            tuple(
                Why.NOT_NAMED,
                "carol's approval does not count: no policy names them or a role they held"));
  }

  @Test
  void a_plan_no_rule_holds_is_approved() {
    assertThat(FourEyes.status("alice", List.of(), PLAN, List.of(), NOW).approved()).isTrue();
  }

  /** alice asks; the approver read the plan with {@code read} as its digest. */
  private static Optional<ApprovalRefusal> refuse(
      String approver, Set<Role> roles, Digest read, List<ApprovalRule> rules) {
    return FourEyes.refuse("alice", approver, roles, read, PLAN, rules, List.of(), NOW);
  }

  /** An approval of {@link #PLAN} given a minute ago, good for a day. */
  private static Approval approval(String approver, Role role) {
    return new Approval(
        approver,
        Set.of(role),
        PLAN,
        NOW.minus(Duration.ofMinutes(1)),
        NOW.plus(Duration.ofDays(1)));
  }
}
