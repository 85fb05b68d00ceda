package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.IntOrPercent;
import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.StrategySpec;
import dev.sextant.core.rollout.RollingBatches.Batch;
import dev.sextant.core.rollout.RolloutEvent.InstancesReady;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollingHistoryTest {

  private static final IntOrPercent P25 = IntOrPercent.percentage(25);

  @Test
  void ten_instances_at_25_percent_surge_and_unavailability_go_in_four_batches() {
    // surge rounds 2.5 up to 3, unavailability rounds it down to 2
    assertThat(RollingBatches.of(10, P25, P25))
        .containsExactly(new Batch(3, 8), new Batch(5, 5), new Batch(8, 3), new Batch(10, 0));
  }

  @Test
  void a_surge_of_3_and_1_unavailable_never_drop_below_9_or_exceed_13() {
    var batches = RollingBatches.of(10, IntOrPercent.count(3), IntOrPercent.count(1));

    assertThat(batches)
        .containsExactly(
            new Batch(3, 9),
            new Batch(4, 6),
            new Batch(7, 5),
            new Batch(8, 2),
            new Batch(10, 1),
            new Batch(10, 0));
  }

  @Test
  void all_unavailable_and_no_surge_stops_everything_then_starts_everything() {
    assertThat(RollingBatches.of(10, IntOrPercent.count(0), IntOrPercent.percentage(100)))
        .containsExactly(new Batch(0, 0), new Batch(10, 0));
  }

  @Test
  void no_unavailability_and_a_surge_of_one_replaces_one_instance_at_a_time() {
    var batches = RollingBatches.of(10, IntOrPercent.count(1), IntOrPercent.count(0));

    assertThat(batches).hasSize(20);
    assertThat(batches.subList(0, 3))
        .containsExactly(new Batch(1, 10), new Batch(1, 9), new Batch(2, 9));
    assertThat(batches)
        .allMatch(b -> b.canary() + b.stable() >= 10 && b.canary() + b.stable() <= 11);
    assertThat(batches.get(19)).isEqualTo(new Batch(10, 0));
  }

  @Test
  void limits_that_both_round_to_zero_still_let_one_instance_be_unavailable() {
    // Kubernetes' fencepost rule: 10% of 3 rounds down to 0 unavailable, and with no surge the
    // update could never move; one new instance must be ready before the next old one stops.
    assertThat(RollingBatches.of(3, IntOrPercent.percentage(0), IntOrPercent.percentage(10)))
        .containsExactly(
            new Batch(0, 2),
            new Batch(1, 2),
            new Batch(1, 1),
            new Batch(2, 1),
            new Batch(2, 0),
            new Batch(3, 0));
  }

  @Test
  void no_batch_exceeds_the_surge_or_drops_below_the_ready_instances_allowed() {
    int[][] limits = {{3, 2}, {3, 1}, {0, 10}, {1, 0}, {2, 5}, {10, 0}};
    for (int[] limit : limits) {
      int surge = limit[0];
      int unavailable = limit[1];
      var batches =
          RollingBatches.of(10, IntOrPercent.count(surge), IntOrPercent.count(unavailable));
      int readyCanary = 0;
      for (Batch batch : batches) {
        assertThat(batch.canary() + batch.stable()).as("%s", batch).isLessThanOrEqualTo(10 + surge);
        // new instances count as available only once ready, i.e. from the next batch on
        assertThat(batch.stable() + readyCanary)
            .as("%s", batch)
            .isGreaterThanOrEqualTo(10 - unavailable);
        readyCanary = batch.canary();
      }
      assertThat(batches.get(batches.size() - 1)).isEqualTo(new Batch(10, 0));
    }
  }

  @Test
  void the_rolling_fast_example_compiles_to_stop_all_start_all() {
    RolloutPlan plan = RolloutPlan.of(Strategies.example("rolling-fast"), 10);

    assertThat(plan.steps())
        .containsExactly(
            new PlanStep.Scale(0, 0), new PlanStep.Scale(10, 0), new PlanStep.Promote());
    assertThat(plan.progressDeadline()).isEqualTo(RolloutPlan.DEFAULT_PROGRESS_DEADLINE);
  }

  @Test
  void a_rolling_update_analyses_each_batch_and_pauses_between_them() {
    var method =
        new Method.Rolling(
            P25,
            P25,
            Optional.of(Duration.ofMinutes(1)),
            Optional.of(Strategies.run("error-rate")));
    Replay r = Replay.of(RolloutPlan.of(new StrategySpec("", method, Strategies.ROLLBACK_10M), 4));

    assertThat(r.on(new Started(minutes(0)))).containsExactly("scale CANARY 1", "scale STABLE 3");
    assertThat(r.on(new InstancesReady(minutes(1))))
        .containsExactly("start analysis step-1 [error-rate]");
    assertThat(r.on(new MeasurementTaken(minutes(2), Verdict.SUCCESSFUL, "ok")))
        .containsExactly("timer at " + minutes(3));
    assertThat(r.on(new TimerFired(minutes(3), r.state().timer().orElseThrow())))
        .containsExactly("scale CANARY 2", "scale STABLE 2");
    assertThat(r.on(new InstancesReady(minutes(4))))
        .containsExactly("start analysis step-4 [error-rate]");

    assertThat(r.on(new MeasurementTaken(minutes(5), Verdict.FAILED, "5xx")))
        .containsExactly(
            "weight 0",
            "stop analysis step-4",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
  }
}
