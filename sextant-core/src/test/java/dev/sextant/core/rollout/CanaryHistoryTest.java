package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.rollout.RolloutEvent.Abort;
import dev.sextant.core.rollout.RolloutEvent.Approved;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Promote;
import dev.sextant.core.rollout.RolloutEvent.Resume;
import dev.sextant.core.rollout.RolloutEvent.Retry;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFailed;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Undo;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanaryHistoryTest {

  /** Plays canary-standard up to its analysis step (step 2). */
  static Replay toAnalysis() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));
    r.on(new StepFinished(minutes(1)));
    r.on(new TimerFired(minutes(6), r.state().timer().orElseThrow()));
    return r;
  }

  @Test
  void canary_standard_runs_step_by_step_to_success() {
    Replay r = Replay.of(Strategies.canaryStandard());

    assertThat(r.on(new Started(minutes(0)))).containsExactly("weight 10");
    assertThat(r.state().phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(r.state().deadline()).contains(minutes(30));
    assertThat(r.on(new StepFinished(minutes(1)))).containsExactly("timer at " + minutes(6));
    assertThat(r.state().hold()).contains(Hold.TIMED);
    assertThat(r.on(new TimerFired(minutes(6), r.state().timer().orElseThrow())))
        .containsExactly("start analysis step-2 [http-error-rate-latency]");
    assertThat(r.state().phase()).isEqualTo(Phase.ANALYZING);
    assertThat(r.on(new MeasurementTaken(minutes(10), Verdict.SUCCESSFUL, "error rate 0.1%")))
        .containsExactly("weight 50");
    assertThat(r.on(new StepFinished(minutes(11)))).containsExactly("timer at " + minutes(21));
    assertThat(r.on(new TimerFired(minutes(21), r.state().timer().orElseThrow())))
        .containsExactly("request approval []");
    assertThat(r.state().phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(r.on(new Approved(minutes(25), "carol")))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");

    assertThat(r.state().phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(r.state().weight()).isEqualTo(100);
    assertThat(r.state().version()).isEqualTo(7);
    assertThat(r.state().deadline()).isEmpty();
    r.replaysTheSame();
    assertThat(r.allCommands())
        .extracting(RolloutCommand::idempotencyKey)
        .doesNotHaveDuplicates()
        .allMatch(key -> key.matches("r1/[1-7]/[0-9]+"));
  }

  @Test
  void every_command_carries_a_key_unique_to_the_rollout_version_and_position() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));
    r.on(new Abort(minutes(1), "alice", "wrong build"));

    assertThat(r.commands())
        .extracting(RolloutCommand::idempotencyKey)
        .containsExactly("r1/2/0", "r1/2/1", "r1/2/2", "r1/2/3");
  }

  @Test
  void a_failed_analysis_takes_traffic_off_the_canary_first_and_fails_the_rollout() {
    Replay r = toAnalysis();

    assertThat(r.on(new MeasurementTaken(minutes(8), Verdict.FAILED, "error rate 7%")))
        .containsExactly(
            "weight 0",
            "stop analysis step-2",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
    assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
    assertThat(r.state().weight()).isZero();
    assertThat(r.state().reason())
        .isEqualTo("analysis of step 3 (analysis http-error-rate-latency) failed: error rate 7%");
    r.replaysTheSame();
  }

  @Test
  void an_analysis_that_errors_fails_the_rollout_too() {
    Replay r = toAnalysis();

    assertThat(r.on(new MeasurementTaken(minutes(8), Verdict.ERROR, "prometheus unreachable")))
        .startsWith("weight 0");
    assertThat(r.state().reason()).contains("errored: prometheus unreachable");
    assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void an_inconclusive_analysis_pauses_and_resuming_accepts_the_step() {
    Replay r = toAnalysis();

    assertThat(r.on(new MeasurementTaken(minutes(8), Verdict.INCONCLUSIVE, "no data")))
        .containsExactly("stop analysis step-2");
    assertThat(r.state().hold()).contains(Hold.INCONCLUSIVE);
    assertThat(r.state().reason()).contains("inconclusive: no data");
    assertThat(r.on(new Resume(minutes(9), "alice"))).containsExactly("weight 50");
    assertThat(r.state().step()).isEqualTo(3);
  }

  @Test
  void under_on_failure_pause_a_failed_analysis_holds_the_canary_out_of_traffic() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.PAUSE_10M,
                new Step.SetWeight(20),
                new Step.Analysis(Strategies.run("error-rate"))));
    r.on(new Started(minutes(0)));
    r.on(new StepFinished(minutes(1)));

    assertThat(r.on(new MeasurementTaken(minutes(3), Verdict.FAILED, "5xx")))
        .containsExactly("weight 0", "stop analysis step-1");
    assertThat(r.state().hold()).contains(Hold.FAILURE);
    assertThat(r.state().deadline()).contains(minutes(11));
    assertThat(r.refused(new Resume(minutes(4), "alice")))
        .isEqualTo(
            "cannot resume: the rollout is paused because analysis of step 2 (analysis"
                + " error-rate) failed: 5xx; abort it, or promote it");
    assertThat(r.on(new Promote(minutes(5), "alice")))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");
  }

  @Test
  void a_failed_step_fails_the_rollout_with_the_target_reason() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M,
                new Step.Migrate(List.of("migrate", "up"), Optional.of(Duration.ofMinutes(2)))));

    assertThat(r.on(new Started(minutes(0)))).containsExactly("migrate [migrate, up]");
    assertThat(r.on(new StepFailed(minutes(1), "exit status 3"))).startsWith("weight 0");
    assertThat(r.state().reason()).isEqualTo("step 1 (migrate) failed: exit status 3");
    assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void migrate_and_verify_steps_wait_for_the_target_to_confirm_them() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M,
                new Step.Migrate(List.of("migrate"), Optional.empty()),
                new Step.SetWeight(10),
                new Step.Verify(List.of("login"))));
    r.on(new Started(minutes(0)));

    assertThat(r.refused(new RolloutEvent.InstancesReady(minutes(1))))
        .isEqualTo(
            "cannot finish step 1 (migrate): the rollout is progressing and waits for the target"
                + " to confirm it");
    assertThat(r.on(new StepFinished(minutes(1)))).containsExactly("weight 10");
    assertThat(r.on(new StepFinished(minutes(2)))).containsExactly("verify [login]");
    assertThat(r.on(new StepFinished(minutes(3))))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");
  }

  @Test
  void a_pause_step_without_a_duration_waits_to_be_resumed() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M, new Step.SetWeight(10), Strategies.untimedPause()));
    r.on(new Started(minutes(0)));

    assertThat(r.on(new StepFinished(minutes(1)))).isEmpty();
    assertThat(r.state().hold()).contains(Hold.UNTIMED);
    assertThat(r.on(new Resume(minutes(2), "alice")))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");
  }

  @Test
  void approval_is_taken_only_from_a_named_approver() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M,
                new Step.Approval(List.of("carol"), Optional.of("go?")),
                new Step.SetWeight(50)));

    assertThat(r.on(new Started(minutes(0)))).containsExactly("request approval [carol]");
    assertThat(r.refused(new Approved(minutes(1), "bob")))
        .isEqualTo("cannot approve: the rollout is awaiting approval from carol, not bob");
    assertThat(r.on(new Approved(minutes(2), "carol"))).containsExactly("weight 50");
  }

  @Test
  void an_approval_step_naming_a_role_takes_whoever_holds_it_there_or_an_admin() {
    Replay r =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M,
                new Step.Approval(List.of("role:approver"), Optional.empty()),
                new Step.SetWeight(50)));
    r.on(new Started(minutes(0)));

    assertThat(r.refused(new Approved(minutes(1), "dave", Set.of("deployer"))))
        .isEqualTo("cannot approve: the rollout is awaiting approval from role:approver, not dave");
    assertThat(r.on(new Approved(minutes(2), "erin", Set.of("viewer", "approver"))))
        .containsExactly("weight 50");

    Replay byAdmin =
        Replay.of(
            Strategies.canary(
                Strategies.ROLLBACK_10M,
                new Step.Approval(List.of("role:approver"), Optional.empty()),
                new Step.SetWeight(50)));
    byAdmin.on(new Started(minutes(0)));
    assertThat(byAdmin.on(new Approved(minutes(1), "root", Set.of("admin"))))
        .containsExactly("weight 50");
  }

  @Test
  void a_timer_the_rollout_does_not_wait_for_is_refused() {
    Replay r = Replay.of(Strategies.canaryStandard());
    r.on(new Started(minutes(0)));
    r.on(new StepFinished(minutes(1)));

    assertThat(r.refused(new TimerFired(minutes(6), "r1/1/0")))
        .startsWith("cannot fire timer r1/1/0: the rollout is paused (step 2 (pause 5m) until");
  }

  @Test
  void promote_skips_the_remaining_steps_and_stops_the_analysis() {
    Replay r = toAnalysis();

    assertThat(r.on(new Promote(minutes(7), "alice")))
        .containsExactly(
            "stop analysis step-2", "weight 100", "promote canary", "record SUCCEEDED");
    assertThat(r.state().reason())
        .isEqualTo(
            "promoted by alice, skipping the steps from step 3 (analysis http-error-rate-latency)");
    assertThat(r.refused(new Promote(minutes(8), "alice")))
        .isEqualTo("cannot promote: the rollout is succeeded");
  }

  @Test
  void retry_starts_an_aborted_rollout_again_from_its_first_step() {
    Replay r = toAnalysis();
    r.on(new Abort(minutes(7), "alice", "looks wrong"));
    assertThat(r.state().phase()).isEqualTo(Phase.ABORTED);

    assertThat(r.on(new Retry(minutes(8), "alice"))).containsExactly("weight 10");
    assertThat(r.state().phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(r.state().step()).isZero();
    assertThat(r.state().reason()).isEmpty();
    assertThat(r.state().deadline()).contains(minutes(38));
  }

  @Test
  void retry_starts_a_failed_rollout_again_too() {
    Replay r = toAnalysis();
    r.on(new MeasurementTaken(minutes(8), Verdict.FAILED, "5xx"));

    assertThat(r.on(new Retry(minutes(9), "alice"))).containsExactly("weight 10");
    assertThat(r.refused(new Retry(minutes(10), "alice")))
        .isEqualTo("cannot retry: the rollout is progressing");
  }

  @Test
  void undo_restores_the_previous_stable_revision_without_analysis() {
    Replay r = Replay.of(Strategies.canary(Strategies.ROLLBACK_10M, new Step.SetWeight(50)));
    r.on(new Started(minutes(0)));
    r.on(new StepFinished(minutes(1)));
    assertThat(r.state().phase()).isEqualTo(Phase.SUCCEEDED);

    assertThat(r.on(new Undo(minutes(30), "alice")))
        .containsExactly("restore v1", "record ROLLED_BACK");
    assertThat(r.state().phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(r.state().reason()).isEqualTo("undone by alice: back to revision v1");
    assertThat(r.refused(new Undo(minutes(31), "alice")))
        .isEqualTo("cannot undo: the rollout is rolled back");
  }
}
