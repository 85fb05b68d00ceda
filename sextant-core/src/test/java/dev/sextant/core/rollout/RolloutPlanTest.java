package dev.sextant.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.Abort;
import dev.sextant.core.resource.spec.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  @Test
  void canary_standard_compiles_step_for_step_with_its_own_deadline() {
    RolloutPlan plan = Strategies.canaryStandard();

    assertThat(plan.steps())
        .extracting(PlanStep::text)
        .containsExactly(
            "setWeight 10",
            "pause 5m",
            "analysis http-error-rate-latency",
            "setWeight 50",
            "pause 10m",
            "approval",
            "promote");
    assertThat(plan.progressDeadline()).isEqualTo(Duration.ofMinutes(30));
    assertThat(plan.onFailure()).isEqualTo(Abort.OnFailure.ROLLBACK);
    assertThat(plan.instances()).isEqualTo(4);
  }

  @Test
  void a_canary_whose_steps_run_out_is_promoted_and_waits_ten_minutes_a_step_by_default() {
    RolloutPlan plan = Strategies.canary(Strategies.ROLLBACK_10M, new Step.SetWeight(30));

    assertThat(plan.steps()).containsExactly(new PlanStep.SetWeight(30), new PlanStep.Promote());
    assertThat(plan.progressDeadline()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void a_state_has_a_deadline_exactly_while_it_runs_and_no_operator_holds_it() {
    RolloutPlan plan = Strategies.canary(Strategies.ROLLBACK_10M, new Step.SetWeight(30));
    Revisions revisions = new Revisions("v1", "v2");

    assertThatThrownBy(
            () ->
                new RolloutState(
                    "r1",
                    1,
                    plan,
                    revisions,
                    Phase.PROGRESSING,
                    0,
                    30,
                    Optional.empty(),
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    false))
        .hasMessage(
            "a rollout has a deadline exactly while it runs and no operator holds it, not"
                + " PROGRESSING");
    assertThatThrownBy(
            () ->
                new RolloutState(
                    "r1",
                    1,
                    plan,
                    revisions,
                    Phase.PAUSED,
                    0,
                    30,
                    Optional.of(Hold.OPERATOR),
                    "",
                    Optional.of(Replay.T0),
                    Optional.empty(),
                    false))
        .hasMessageEndingWith("not PAUSED (OPERATOR)");
    assertThatThrownBy(
            () ->
                new RolloutState(
                    "r1",
                    1,
                    plan,
                    revisions,
                    Phase.ANALYZING,
                    0,
                    30,
                    Optional.of(Hold.TIMED),
                    "",
                    Optional.of(Replay.T0),
                    Optional.empty(),
                    false))
        .hasMessage("a hold belongs to a paused rollout, not ANALYZING");
    assertThat(RolloutState.pending("r1", plan, revisions).deadline()).isEmpty();
  }

  @Test
  void a_plan_must_end_in_promote() {
    assertThatThrownBy(
            () ->
                new RolloutPlan(
                    List.of(new PlanStep.SetWeight(10)),
                    Optional.empty(),
                    Abort.OnFailure.ROLLBACK,
                    Duration.ofMinutes(1),
                    1))
        .hasMessageStartingWith("a rollout plan ends with promote");
  }
}
