package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.rollout.RolloutEvent.Abort;
import dev.sextant.core.rollout.RolloutEvent.Approved;
import dev.sextant.core.rollout.RolloutEvent.DeadlinePassed;
import dev.sextant.core.rollout.RolloutEvent.InstanceCrashed;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Pause;
import dev.sextant.core.rollout.RolloutEvent.Promote;
import dev.sextant.core.rollout.RolloutEvent.Resume;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OperatorHistoryTest {

  @Test
  void a_rollout_paused_by_an_operator_waits_without_a_deadline_and_resumes_its_step() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));

    assertThat(r.on(new Pause(minutes(2), "alice"))).isEmpty();
    assertThat(r.state().hold()).contains(Hold.OPERATOR);
    assertThat(r.state().deadline()).isEmpty();
    assertThat(r.state().reason()).isEqualTo("paused by alice at step 1 (setWeight 10)");
    assertThat(r.refused(new StepFinished(minutes(3))))
        .isEqualTo("cannot finish a step: the rollout is paused");
    assertThat(r.refused(new Pause(minutes(4), "bob")))
        .isEqualTo(
            "cannot pause: the rollout is paused already (paused by alice at step 1 (setWeight"
                + " 10))");
    assertThat(r.refused(new DeadlinePassed(minutes(1000))))
        .isEqualTo("cannot pass a deadline: the rollout is paused by an operator and has none");

    assertThat(r.on(new Resume(minutes(1000), "alice"))).containsExactly("weight 10");
    assertThat(r.state().deadline()).contains(minutes(1030));
    assertThat(r.on(new StepFinished(minutes(1001)))).containsExactly("timer at " + minutes(1006));
  }

  @Test
  void pausing_an_analysis_stops_it_and_resuming_starts_it_again() {
    Replay r = CanaryHistoryTest.toAnalysis();

    assertThat(r.on(new Pause(minutes(7), "alice"))).containsExactly("stop analysis step-2");
    assertThat(r.refused(new MeasurementTaken(minutes(8), Verdict.FAILED, "late")))
        .startsWith("cannot take a measurement: the rollout is paused");
    assertThat(r.on(new Resume(minutes(9), "alice")))
        .containsExactly("start analysis step-2 [http-error-rate-latency]");
  }

  @Test
  void pausing_a_timed_pause_disowns_its_timer_and_resuming_waits_the_full_pause_again() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));
    r.on(new StepFinished(minutes(1)));
    String timer = r.state().timer().orElseThrow();

    assertThat(r.on(new Pause(minutes(2), "alice"))).isEmpty();
    assertThat(r.refused(new TimerFired(minutes(6), timer)))
        .startsWith("cannot fire timer " + timer + ": the rollout is paused (paused by alice");
    assertThat(r.on(new Resume(minutes(20), "alice"))).containsExactly("timer at " + minutes(25));
  }

  @Test
  void pausing_an_approval_asks_again_on_resume() {
    Replay r = Situations.byPhase().get(Phase.AWAITING_APPROVAL).get();

    assertThat(r.on(new Pause(minutes(1), "alice"))).isEmpty();
    assertThat(r.refused(new Approved(minutes(2), "carol")))
        .isEqualTo("cannot approve: the rollout is paused");
    assertThat(r.on(new Resume(minutes(3), "alice"))).containsExactly("request approval []");
  }

  @Test
  void abort_in_any_running_phase_takes_traffic_off_the_canary_first() {
    for (Map.Entry<Phase, Supplier<Replay>> phase : Situations.byPhase().entrySet()) {
      Replay r = phase.getValue().get();

      assertThat(r.on(new Abort(minutes(2), "alice", "bad build")))
          .as(phase.getKey().text())
          .startsWith("weight 0")
          .endsWith("scale CANARY 0", "scale STABLE 4", "record ABORTED");
      assertThat(r.state().phase()).isEqualTo(Phase.ABORTED);
      assertThat(r.state().reason()).isEqualTo("aborted by alice: bad build");
      assertThat(r.state().deadline()).isEmpty();
    }
  }

  @Test
  void a_rollout_aborted_before_it_starts_still_restores_the_stable_fleet() {
    Replay r = Replay.of(Strategies.canaryStandard());

    assertThat(r.on(new Abort(minutes(0), "alice", "changed my mind")))
        .containsExactly("weight 0", "scale CANARY 0", "scale STABLE 4", "record ABORTED");
  }

  @Test
  void promote_in_any_running_phase_makes_the_canary_stable() {
    for (Map.Entry<Phase, Supplier<Replay>> phase : Situations.byPhase().entrySet()) {
      Replay r = phase.getValue().get();

      assertThat(r.on(new Promote(minutes(2), "alice")))
          .as(phase.getKey().text())
          .endsWith("weight 100", "promote canary", "record SUCCEEDED");
      assertThat(r.state().phase()).isEqualTo(Phase.SUCCEEDED);
    }
  }

  @Test
  void a_crashed_canary_instance_fails_the_rollout_in_any_running_phase() {
    for (Map.Entry<Phase, Supplier<Replay>> phase : Situations.byPhase().entrySet()) {
      Replay r = phase.getValue().get();

      assertThat(r.on(new InstanceCrashed(minutes(2), "canary-1", "exit 137")))
          .as(phase.getKey().text())
          .startsWith("weight 0")
          .endsWith("record FAILED");
      assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
      assertThat(r.state().reason()).startsWith("instance canary-1 crashed at step ");
    }
  }

  @Test
  void background_analysis_starts_at_its_step_and_its_failure_fails_the_rollout() {
    Replay r =
        Replay.of(
            Strategies.canaryWithBackground(
                1,
                new Step.SetWeight(10),
                new Step.SetWeight(30),
                Strategies.pause(5),
                new Step.Approval(java.util.List.of(), java.util.Optional.empty()),
                new Step.SetWeight(60)));
    r.on(new Started(minutes(0)));
    assertThat(r.refused(new MeasurementTaken(minutes(1), Verdict.FAILED, "early")))
        .isEqualTo(
            "cannot take a measurement: the rollout is progressing at step 1 (setWeight 10) and no"
                + " analysis is running");

    assertThat(r.on(new StepFinished(minutes(1))))
        .containsExactly("start analysis background [error-rate]", "weight 30");
    assertThat(r.on(new MeasurementTaken(minutes(2), Verdict.SUCCESSFUL, "ok"))).isEmpty();
    assertThat(r.state().phase()).isEqualTo(Phase.PROGRESSING);
    r.on(new StepFinished(minutes(3)));
    assertThat(r.on(new MeasurementTaken(minutes(4), Verdict.INCONCLUSIVE, "no data"))).isEmpty();
    assertThat(r.state().hold()).contains(Hold.TIMED);
    assertThat(r.on(new TimerFired(minutes(8), r.state().timer().orElseThrow())))
        .containsExactly("request approval []");

    assertThat(r.on(new MeasurementTaken(minutes(9), Verdict.FAILED, "p99 2s")))
        .containsExactly(
            "weight 0",
            "stop analysis background",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
    assertThat(r.state().reason())
        .isEqualTo("background analysis at step 4 (approval) failed: p99 2s");
  }

  @Test
  void a_failed_background_analysis_fails_a_progressing_or_paused_rollout() {
    Replay progressing = Replay.of(Strategies.canaryWithBackground(0, new Step.SetWeight(10)));
    progressing.on(new Started(minutes(0)));
    assertThat(progressing.on(new MeasurementTaken(minutes(1), Verdict.ERROR, "no target")))
        .startsWith("weight 0");
    assertThat(progressing.state().phase()).isEqualTo(Phase.FAILED);

    Replay paused = Replay.of(Strategies.canaryWithBackground(0, Strategies.pause(5)));
    paused.on(new Started(minutes(0)));
    assertThat(paused.on(new MeasurementTaken(minutes(1), Verdict.FAILED, "5xx")))
        .containsExactly(
            "weight 0",
            "stop analysis background",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
  }

  @Test
  void promote_stops_the_background_analysis() {
    Replay r = Replay.of(Strategies.canaryWithBackground(0, new Step.SetWeight(10)));
    r.on(new Started(minutes(0)));

    assertThat(r.on(new Promote(minutes(1), "alice")))
        .containsExactly(
            "stop analysis background", "weight 100", "promote canary", "record SUCCEEDED");
  }
}
