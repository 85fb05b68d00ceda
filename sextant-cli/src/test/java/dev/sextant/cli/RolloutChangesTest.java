package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.cli.output.RolloutChanges;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines a watch prints when its output is no terminal: one per change, none for no change. */
class RolloutChangesTest {

  @Test
  void the_first_state_introduces_the_rollout_its_progress_and_each_instance() {
    assertThat(RolloutChanges.between(Optional.empty(), Rollouts.started()))
        .containsExactly(
            "[0s] ro-1a2b3c4d5e: sample-v2 to dev (service sample), plan plan-3",
            "[0s] progressing, step 1/4 setWeight, canary weight 0%",
            "[0s] stable-0 sample-v1@1/default ready");
  }

  @Test
  void a_move_prints_the_new_progress_and_the_instance_that_changed_but_not_those_that_did_not() {
    assertThat(RolloutChanges.between(Optional.of(Rollouts.started()), Rollouts.analysing()))
        .containsExactly(
            "[1m05s] progressing, step 2/4 analysis, canary weight 20%",
            "[1m05s] canary-0 sample-v2@1/default ready");
  }

  @Test
  void each_measurement_is_printed_once_with_its_value_and_verdict() {
    var first = Rollouts.measured(Rollouts.analysing(), "2026-12-06T17:02:00Z", 0.01, "successful");
    var second = Rollouts.measured(first, "2026-12-06T17:02:30Z", 0.2, "failed");

    assertThat(RolloutChanges.between(Optional.of(Rollouts.analysing()), first))
        .containsExactly("[2m00s] step-1 error-rate = 0.01: successful");
    assertThat(RolloutChanges.between(Optional.of(first), second))
        .containsExactly("[2m30s] step-1 error-rate = 0.2: failed");
  }

  @Test
  void a_baseline_measurement_names_its_track_and_a_judgement_its_score_and_classes_once() {
    var baseline = Rollouts.measured(Rollouts.analysing(), "2026-12-06T17:02:00Z", 0, "successful");
    ((com.fasterxml.jackson.databind.node.ObjectNode) baseline.get("measurements").get(0))
        .put("track", "baseline");
    var judged = Rollouts.judged(baseline);

    assertThat(RolloutChanges.between(Optional.of(Rollouts.analysing()), baseline))
        .containsExactly("[2m00s] step-1 error-rate (baseline) = 0.0: successful");
    assertThat(RolloutChanges.between(Optional.of(baseline), judged))
        .containsExactly(
            "[2m40s] step-1 judge: score 0.0, fail; error-ratio high; latency-p90 pass");
    assertThat(RolloutChanges.between(Optional.of(judged), judged)).isEmpty();
  }

  @Test
  void the_same_state_again_prints_nothing_as_after_a_reconnect() {
    assertThat(RolloutChanges.between(Optional.of(Rollouts.analysing()), Rollouts.analysing()))
        .isEmpty();
  }

  @Test
  void an_end_says_the_phase_and_why_and_an_instance_that_left_is_gone() {
    var ended = Rollouts.ended(Rollouts.analysing(), "aborted", "p99 doubled");
    ended.withArray("instances").remove(1);

    assertThat(RolloutChanges.between(Optional.of(Rollouts.analysing()), ended))
        .containsExactly(
            "[3m30s] aborted, step 2/4 analysis, canary weight 20% (p99 doubled)",
            "[3m30s] canary-0 gone");
  }
}
