package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.rollout.RolloutEvent.Approved;
import dev.sextant.core.rollout.RolloutEvent.DeadlinePassed;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every rollout ends by its deadline (Argo Rollouts #1593, Flagger #1247). */
class DeadlineTest {

  @Test
  void every_kind_of_step_and_hold_fails_at_its_deadline_with_traffic_off_the_canary_first() {
    for (Map.Entry<String, Supplier<Replay>> situation : Situations.byStep().entrySet()) {
      Replay r = situation.getValue().get();
      Instant deadline = r.state().deadline().orElseThrow();
      String step = r.state().plan().describe(r.state().step());

      assertThat(r.on(new DeadlinePassed(deadline)))
          .as(situation.getKey())
          .startsWith("weight 0")
          .endsWith("scale CANARY 0", "scale STABLE 4", "record FAILED");
      assertThat(r.state().phase()).as(situation.getKey()).isEqualTo(Phase.FAILED);
      assertThat(r.state().weight()).isZero();
      assertThat(r.state().reason())
          .as(situation.getKey())
          .isEqualTo(
              step + " did not finish by its deadline " + deadline + " (progressDeadline 10m)");
    }
  }

  @Test
  void a_running_analysis_is_stopped_when_its_step_times_out() {
    Replay r = Situations.byStep().get("analysis").get();

    assertThat(r.on(new DeadlinePassed(minutes(10))))
        .containsExactly(
            "weight 0",
            "stop analysis step-0",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
  }

  @Test
  void an_event_the_phase_would_take_fails_the_rollout_when_it_comes_after_the_deadline() {
    Map<Phase, BiFunction<Replay, Instant, RolloutEvent>> wouldBeTaken =
        Map.of(
            Phase.PROGRESSING, (r, at) -> new StepFinished(at),
            Phase.PAUSED, (r, at) -> new TimerFired(at, r.state().timer().orElseThrow()),
            Phase.ANALYZING, (r, at) -> new MeasurementTaken(at, Verdict.SUCCESSFUL, "ok"),
            Phase.AWAITING_APPROVAL, (r, at) -> new Approved(at, "carol"));
    for (Map.Entry<Phase, Supplier<Replay>> phase : Situations.byPhase().entrySet()) {
      Replay r = phase.getValue().get();
      Instant late = r.state().deadline().orElseThrow().plusSeconds(1);

      assertThat(r.machineRoute(wouldBeTaken.get(phase.getKey()).apply(r, late)))
          .contains(new RolloutTable.Entry(phase.getKey(), DeadlinePassed.class));
      assertThat(r.on(wouldBeTaken.get(phase.getKey()).apply(r, late)))
          .as(phase.getKey().text())
          .startsWith("weight 0")
          .endsWith("record FAILED");
      assertThat(r.state().reason()).contains("did not finish by its deadline");
    }
  }

  @Test
  void a_timed_pause_may_run_its_duration_plus_the_progress_deadline_and_no_longer() {
    Replay inTime = Replay.of(Situations.canary(Strategies.pause(5)));
    inTime.on(new Started(minutes(0)));
    assertThat(inTime.state().deadline()).contains(minutes(15));
    assertThat(inTime.on(new TimerFired(minutes(15).minusSeconds(1), inTime.state().timer().get())))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");

    Replay late = Replay.of(Situations.canary(Strategies.pause(5)));
    late.on(new Started(minutes(0)));
    assertThat(late.on(new TimerFired(minutes(15), late.state().timer().get())))
        .startsWith("weight 0")
        .endsWith("record FAILED");
  }

  @Test
  void a_deadline_reported_early_is_refused_with_the_time_left() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));

    assertThat(r.refused(new DeadlinePassed(minutes(29))))
        .isEqualTo(
            "cannot pass a deadline: the rollout is progressing and step 1 (setWeight 10) has until"
                + " 2026-12-06T10:30:00Z");
  }

  @Test
  void under_on_failure_pause_a_missed_deadline_still_rolls_back_rather_than_holding() {
    Replay r = Replay.of(Strategies.canary(Strategies.PAUSE_10M, new Step.SetWeight(10)));
    r.on(new Started(minutes(0)));

    assertThat(r.on(new DeadlinePassed(minutes(10)))).endsWith("record FAILED");
    assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
  }
}
