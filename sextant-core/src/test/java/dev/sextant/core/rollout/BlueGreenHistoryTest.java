package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.StrategySpec;
import dev.sextant.core.rollout.RolloutEvent.InstancesReady;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueGreenHistoryTest {

  static RolloutPlan blueGreen(boolean autoPromotion, Optional<Duration> autoPromotionDelay) {
    var method =
        new Method.BlueGreen(
            Optional.of(Strategies.run("smoke")),
            Optional.of(Strategies.run("error-rate")),
            autoPromotion,
            autoPromotionDelay,
            Optional.of(Duration.ofSeconds(30)));
    return RolloutPlan.of(new StrategySpec("", method, Strategies.ROLLBACK_10M), 4);
  }

  /** Preview ready and its analysis running. */
  static Replay toPreviewAnalysis() {
    Replay r = Replay.of(blueGreen(true, Optional.empty()));
    r.on(new Started(minutes(0)));
    r.on(new InstancesReady(minutes(1)));
    return r;
  }

  @Test
  void blue_green_previews_analyses_switches_analyses_again_and_retires_blue_after_the_delay() {
    Replay r = Replay.of(blueGreen(true, Optional.empty()));

    assertThat(r.on(new Started(minutes(0)))).containsExactly("scale CANARY 4", "scale STABLE 4");
    assertThat(r.refused(new StepFinished(minutes(1))))
        .isEqualTo(
            "cannot finish step 1 (scale canary to 4, stable to 4): the rollout is progressing and"
                + " waits for its instances to be ready");
    assertThat(r.on(new InstancesReady(minutes(1))))
        .containsExactly("start analysis step-1 [smoke]");
    assertThat(r.state().weight()).isZero();
    assertThat(r.on(new MeasurementTaken(minutes(2), Verdict.SUCCESSFUL, "ok")))
        .containsExactly("weight 100");
    assertThat(r.on(new StepFinished(minutes(3))))
        .containsExactly("start analysis step-3 [error-rate]");
    assertThat(r.on(new MeasurementTaken(minutes(5), Verdict.SUCCESSFUL, "ok")))
        .containsExactly("timer at " + minutes(5).plusSeconds(30));
    assertThat(r.on(new TimerFired(minutes(6), r.state().timer().orElseThrow())))
        .containsExactly("weight 100", "promote canary", "record SUCCEEDED");
    r.replaysTheSame();
  }

  @Test
  void a_failed_preview_analysis_never_sends_traffic_to_green() {
    Replay r = toPreviewAnalysis();

    assertThat(r.on(new MeasurementTaken(minutes(2), Verdict.FAILED, "smoke test 500")))
        .containsExactly(
            "weight 0",
            "stop analysis step-1",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
    assertThat(r.state().phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void a_failed_post_promotion_analysis_switches_traffic_back_to_blue_first() {
    Replay r = toPreviewAnalysis();
    r.on(new MeasurementTaken(minutes(2), Verdict.SUCCESSFUL, "ok"));
    r.on(new StepFinished(minutes(3)));
    assertThat(r.state().weight()).isEqualTo(100);

    assertThat(r.on(new MeasurementTaken(minutes(4), Verdict.FAILED, "5xx")))
        .containsExactly(
            "weight 0",
            "stop analysis step-3",
            "scale CANARY 0",
            "scale STABLE 4",
            "record FAILED");
  }

  @Test
  void without_auto_promotion_blue_green_waits_to_be_resumed_before_the_switch() {
    assertThat(blueGreen(false, Optional.empty()).steps())
        .containsExactly(
            new PlanStep.Scale(4, 4),
            new PlanStep.Analysis(Strategies.run("smoke")),
            new PlanStep.Pause(Optional.empty()),
            new PlanStep.SetWeight(100),
            new PlanStep.Analysis(Strategies.run("error-rate")),
            new PlanStep.Pause(Optional.of(Duration.ofSeconds(30))),
            new PlanStep.Promote());
    assertThat(blueGreen(true, Optional.of(Duration.ofMinutes(2))).steps().get(2))
        .isEqualTo(new PlanStep.Pause(Optional.of(Duration.ofMinutes(2))));
  }
}
