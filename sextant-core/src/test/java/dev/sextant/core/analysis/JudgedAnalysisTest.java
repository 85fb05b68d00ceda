package dev.sextant.core.analysis;

import static dev.sextant.core.analysis.Metrics.T0;
import static dev.sextant.core.analysis.Metrics.noData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.analysis.burn.BurnRateGate;
import dev.sextant.core.analysis.judge.Classification;
import dev.sextant.core.analysis.judge.ScoreClass;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.BurnRate;
import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** An analysis with a judge, and one with a burn-rate gate, as the rollout's analysis runs them. */
class JudgedAnalysisTest {
  private static final int COUNT = 10;

  /** A latency metric without conditions, measured ten times a minute apart. */
  private static Metric latency() {
    return Metrics.metric(
        "latency", Optional.empty(), Optional.empty(), Optional.of(COUNT), 0, 0, false);
  }

  private static AnalysisRunState judged(Judge.JudgedMetric how) {
    Judge judge = new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75), List.of(how));
    return AnalysisRunState.start(
        new AnalysisTemplateSpec(
            "", List.of(), List.of(latency()), Optional.of(judge), Optional.empty()),
        T0);
  }

  private static Judge.JudgedMetric critical(boolean mustHaveData) {
    Judge.JudgedMetric named = Judge.JudgedMetric.named("latency");
    return new Judge.JudgedMetric(
        "latency",
        named.direction(),
        true,
        mustHaveData,
        named.nanStrategy(),
        named.outliers(),
        named.effectSize(),
        named.group(),
        1);
  }

  /** Measures the baseline, then the canary, as the runner does, with the given values. */
  private static AnalysisRunState measure(
      AnalysisRunState state, double[] baseline, double[] canary) {
    for (int i = 0; i < COUNT; i++) {
      assertThat(state.phase()).isEqualTo(AnalysisPhase.RUNNING);
      state =
          state
              .recordBaseline("latency", Metrics.value(i, baseline[i]))
              .record("latency", Metrics.value(i, canary[i]));
    }
    return state;
  }

  private static double[] around(double center) {
    double[] values = new double[COUNT];
    for (int i = 0; i < COUNT; i++) {
      values[i] = center + 0.001 * ((i * 7) % COUNT);
    }
    return values;
  }

  @Test
  void a_canary_twice_as_slow_as_its_baseline_is_high_and_fails_the_analysis() {
    AnalysisRunState state = measure(judged(critical(false)), around(0.1), around(0.2));

    assertThat(state.phase()).isEqualTo(AnalysisPhase.FAILED);
    var result = state.comparison().orElseThrow().result().orElseThrow();
    assertThat(result.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(result.metrics().get(0).classification()).isEqualTo(Classification.HIGH);
    assertThat(result.score()).isZero();
    assertThat(state.nextMeasurementAt()).isEmpty();
  }

  @Test
  void a_canary_like_its_baseline_passes_once_every_judged_metric_is_done() {
    AnalysisRunState state = measure(judged(critical(false)), around(0.1), around(0.1));

    assertThat(state.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    var result = state.comparison().orElseThrow().result().orElseThrow();
    assertThat(result.verdict()).isEqualTo(ScoreClass.PASS);
    assertThat(result.score()).isEqualTo(100);
  }

  @Test
  void no_data_on_a_judged_metric_is_the_judge_s_to_weigh_and_never_passes() {
    AnalysisRunState state = judged(critical(true));
    for (int i = 0; i < COUNT; i++) {
      // The metric's own inconclusive limit (0) would end the analysis at the first no data.
      assertThat(state.phase()).isEqualTo(AnalysisPhase.RUNNING);
      state = state.recordBaseline("latency", noData(i)).record("latency", noData(i));
    }

    assertThat(state.phase()).isEqualTo(AnalysisPhase.FAILED);
    var metric = state.comparison().orElseThrow().result().orElseThrow().metrics().get(0);
    assertThat(metric.classification()).isEqualTo(Classification.NODATA);
    assertThat(metric.failsRun()).isTrue();
  }

  @Test
  void without_must_have_data_no_data_is_inconclusive_not_a_pass() {
    AnalysisRunState state = judged(Judge.JudgedMetric.named("latency"));
    for (int i = 0; i < COUNT; i++) {
      state = state.recordBaseline("latency", noData(i)).record("latency", noData(i));
    }

    assertThat(state.phase()).isNotEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(state.phase().isDone()).isTrue();
  }

  @Test
  void a_baseline_measurement_of_a_metric_the_judge_does_not_compare_is_refused() {
    AnalysisRunState plain =
        AnalysisRunState.start(
            new AnalysisTemplateSpec(
                "", List.of(), List.of(latency()), Optional.empty(), Optional.empty()),
            T0);

    assertThatThrownBy(() -> plain.recordBaseline("latency", Metrics.value(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no judge");
  }

  @Test
  void a_burn_rate_gate_that_fires_fails_its_metric_and_the_analysis() {
    Metric errors =
        Metrics.metric(
            "error-ratio", Optional.empty(), Optional.empty(), Optional.of(1), 0, 0, false);
    BurnRate gate =
        new BurnRate(
            99.9,
            "error-ratio",
            List.of(new BurnRate.Window(Duration.ofHours(1), Duration.ofMinutes(5), 14.4)),
            null);
    AnalysisRunState state =
        AnalysisRunState.start(
            new AnalysisTemplateSpec(
                "", List.of(), List.of(errors), Optional.empty(), Optional.of(gate)),
            T0);
    // 1.5% errors over both windows burns the 0.1% budget 15 times as fast as it lasts.
    Judged judged =
        BurnRateJudgement.of(T0, BurnRateGate.evaluate(gate, w -> OptionalDouble.of(0.015)));

    state = state.record("error-ratio", judged);

    assertThat(state.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(judged.measurement()).isInstanceOf(Measurement.Value.class);
    assertThat(((Measurement.Value) judged.measurement()).result().get(0))
        .isCloseTo(15, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(judged.message()).contains("14.4");
  }

  @Test
  void a_burn_rate_gate_without_data_is_inconclusive() {
    BurnRate gate =
        new BurnRate(
            99.9,
            "error-ratio",
            List.of(new BurnRate.Window(Duration.ofHours(1), Duration.ofMinutes(5), 14.4)),
            null);

    Judged judged =
        BurnRateJudgement.of(T0, BurnRateGate.evaluate(gate, w -> OptionalDouble.empty()));

    assertThat(judged.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(judged.measurement()).isInstanceOf(Measurement.NoData.class);
  }
}
