package dev.sextant.core.analysis.judge;

import static dev.sextant.core.analysis.judge.ClassifierData.AROUND_10_A;
import static dev.sextant.core.analysis.judge.ClassifierData.AROUND_10_B;
import static dev.sextant.core.analysis.judge.ClassifierData.AROUND_20_A;
import static dev.sextant.core.analysis.judge.ClassifierData.AROUND_20_B;
import static dev.sextant.core.analysis.judge.ClassifierData.ZERO_HEAVY_BASELINE;
import static dev.sextant.core.analysis.judge.ClassifierData.ZERO_HEAVY_CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Judge.Direction;
import dev.sextant.core.resource.spec.Judge.EffectSize;
import dev.sextant.core.resource.spec.Judge.JudgedMetric;
import dev.sextant.core.resource.spec.Judge.NanStrategy;
import dev.sextant.core.resource.spec.Judge.Outliers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanaryJudgeTest {

  /**
   * Kayenta's {@code kayenta-judge/src/test/scala/com/netflix/kayenta/judge/ClassifierSuite.scala}:
   * its classifier at tolerance 0.10 and confidence 0.95, effect sizes 1.0 (any ratio).
   */
  @Nested
  class KayentaClassifierSuite {
    private Classification classify(double[] baseline, double[] canary, Direction direction) {
      JudgedMetric metric =
          new JudgedMetric(
              "m",
              direction,
              false,
              false,
              NanStrategy.REMOVE,
              Outliers.KEEP,
              Optional.of(new EffectSize(1, 1)),
              Judge.DEFAULT_GROUP,
              1);
      Judge judge = new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75, 0.10), List.of(metric));
      return only(CanaryJudge.judge(judge, List.of(samples("m", baseline, canary))))
          .classification();
    }

    @Test
    void pass_metric() {
      assertThat(classify(AROUND_10_B, AROUND_10_A, Direction.EITHER))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void high_metric() {
      assertThat(classify(AROUND_10_B, AROUND_20_A, Direction.EITHER))
          .isEqualTo(Classification.HIGH);
    }

    @Test
    void low_metric() {
      assertThat(classify(AROUND_20_B, AROUND_10_A, Direction.EITHER))
          .isEqualTo(Classification.LOW);
    }

    @Test
    void a_fall_passes_when_only_increases_count() {
      assertThat(classify(AROUND_20_B, AROUND_10_A, Direction.INCREASE))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void a_rise_passes_when_only_decreases_count() {
      assertThat(classify(AROUND_10_B, AROUND_20_A, Direction.DECREASE))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void directional_high_and_low() {
      assertThat(classify(AROUND_10_B, AROUND_20_A, Direction.INCREASE))
          .isEqualTo(Classification.HIGH);
      assertThat(classify(AROUND_20_B, AROUND_10_A, Direction.DECREASE))
          .isEqualTo(Classification.LOW);
    }

    @Test
    void high_metric_large_input() {
      assertThat(classify(ZERO_HEAVY_BASELINE, ZERO_HEAVY_CANARY, Direction.EITHER))
          .isEqualTo(Classification.HIGH);
    }

    @Test
    void tied_observations_pass() {
      assertThat(classify(new double[] {1, 1}, new double[] {1, 1, 1}, Direction.DECREASE))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void identical_populations_pass() {
      assertThat(
              classify(
                  new double[] {5, 4, 3, 2, 1}, new double[] {1, 2, 3, 4, 5}, Direction.DECREASE))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void a_leading_zero_in_an_identical_population_passes() {
      assertThat(
              classify(
                  new double[] {1, 1, 1, 1, 1}, new double[] {0, 1, 1, 1, 1}, Direction.DECREASE))
          .isEqualTo(Classification.PASS);
    }

    @Test
    void missing_canary_data_is_nodata() {
      assertThat(classify(new double[] {1, 2, 3, 4, 5}, new double[0], Direction.DECREASE))
          .isEqualTo(Classification.NODATA);
    }
  }

  @Test
  void identical_series_pass_with_a_full_score() {
    double[] latency = {0.10, 0.12, 0.11, 0.13, 0.10, 0.12};

    JudgeResult result =
        CanaryJudge.judge(
            judge(named("latency-p95")), List.of(samples("latency-p95", latency, latency)));

    assertThat(result.verdict()).isEqualTo(ScoreClass.PASS);
    assertThat(result.score()).isEqualTo(100);
    assertThat(only(result).reason()).isEqualTo("canary and baseline measured the same values");
    assertThat(result.summary()).isEqualTo("score 100 >= pass 75: all 1 metrics pass");
  }

  @Test
  void a_canary_twice_as_slow_is_high_and_fails_the_run_when_critical() {
    double[] baseline = DoubleStream.iterate(0.100, v -> v + 0.001).limit(20).toArray();
    double[] canary = Arrays.stream(baseline).map(v -> 2 * v).toArray();
    JudgedMetric latency = critical(named("latency-p95"));

    JudgeResult result =
        CanaryJudge.judge(
            judge(latency, named("cpu-seconds")),
            List.of(
                samples("latency-p95", baseline, canary),
                samples("cpu-seconds", baseline, baseline)));

    MetricResult high = result.metrics().get(0);
    assertThat(high.classification()).isEqualTo(Classification.HIGH);
    assertThat(high.failsRun()).isTrue();
    assertThat(high.comparison().orElseThrow().meanRatio().getAsDouble()).isEqualTo(2.0, within());
    assertThat(high.comparison().orElseThrow().pValue()).isLessThan(0.001);
    assertThat(result.score()).isZero();
    assertThat(result.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(result.summary())
        .startsWith(
            "score 0, failed by critical latency-p95 high (canary 0.219 vs baseline 0.11, p=");
  }

  @Test
  void the_same_rise_on_a_metric_that_is_not_critical_only_lowers_the_score() {
    double[] baseline = DoubleStream.iterate(0.100, v -> v + 0.001).limit(20).toArray();
    double[] canary = Arrays.stream(baseline).map(v -> 2 * v).toArray();

    JudgeResult result =
        CanaryJudge.judge(
            judge(named("latency-p95"), named("cpu-seconds"), named("rss")),
            List.of(
                samples("latency-p95", baseline, canary),
                samples("cpu-seconds", baseline, baseline),
                samples("rss", baseline, baseline)));

    assertThat(result.score()).isEqualTo(66.67);
    assertThat(result.verdict()).isEqualTo(ScoreClass.MARGINAL);
    assertThat(result.summary()).startsWith("score 66.7 < pass 75: latency-p95 high (canary 0.219");
  }

  @Test
  void a_rise_in_a_metric_judged_for_decreases_is_ignored() {
    JudgedMetric throughput = direction(named("requests"), Direction.DECREASE);

    JudgeResult result =
        CanaryJudge.judge(
            judge(throughput), List.of(samples("requests", AROUND_10_B, AROUND_20_A)));

    assertThat(only(result).classification()).isEqualTo(Classification.PASS);
    assertThat(only(result).comparison().orElseThrow().lower()).isPositive();
    assertThat(result.verdict()).isEqualTo(ScoreClass.PASS);
  }

  @Test
  void a_shift_below_the_effect_size_passes() {
    // Significant, but only 5% higher, where the template's effect size asks for 10%.
    double[] baseline = DoubleStream.iterate(100, v -> v + 0.01).limit(30).toArray();
    double[] canary = Arrays.stream(baseline).map(v -> v * 1.05).toArray();

    MetricResult result =
        only(CanaryJudge.judge(judge(named("m")), List.of(samples("m", baseline, canary))));

    assertThat(result.comparison().orElseThrow().lower()).isPositive();
    assertThat(result.classification()).isEqualTo(Classification.PASS);
  }

  @Test
  void an_empty_canary_is_nodata_and_fails_the_run_only_when_the_metric_must_have_data() {
    MetricSamples empty = samples("latency-p95", AROUND_10_A, new double[0]);
    MetricSamples fine = samples("cpu-seconds", AROUND_10_A, AROUND_10_A);
    MetricSamples fineToo = samples("rss", AROUND_10_A, AROUND_10_A);

    JudgeResult optional =
        CanaryJudge.judge(
            judge(named("latency-p95"), named("cpu-seconds"), named("rss")),
            List.of(empty, fine, fineToo));
    JudgeResult required =
        CanaryJudge.judge(
            judge(mustHaveData(named("latency-p95")), named("cpu-seconds"), named("rss")),
            List.of(empty, fine, fineToo));

    assertThat(optional.metrics().get(0).classification()).isEqualTo(Classification.NODATA);
    assertThat(optional.metrics().get(0).failsRun()).isFalse();
    assertThat(optional.metrics().get(0).reason()).isEqualTo("no canary data");
    assertThat(optional.score()).isEqualTo(100);
    assertThat(required.metrics().get(0).failsRun()).isTrue();
    assertThat(required.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(required.summary())
        .isEqualTo(
            "score 0, failed by latency-p95 nodata (no canary data, and the metric must have data)");
  }

  @Test
  void a_critical_metric_without_data_fails_the_run_as_in_kayenta() {
    JudgeResult result =
        CanaryJudge.judge(
            judge(critical(named("latency-p95")), named("cpu-seconds"), named("rss")),
            List.of(
                samples("latency-p95", new double[0], AROUND_10_A),
                samples("cpu-seconds", AROUND_10_A, AROUND_10_A),
                samples("rss", AROUND_10_A, AROUND_10_A)));

    assertThat(result.metrics().get(0).classification()).isEqualTo(Classification.NODATA);
    assertThat(result.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(result.summary())
        .isEqualTo("score 0, failed by critical latency-p95 nodata (no baseline data)");
  }

  @Test
  void no_data_for_half_of_the_metrics_fails_the_canary() {
    JudgeResult result =
        CanaryJudge.judge(
            judge(named("a"), named("b")),
            List.of(
                samples("a", AROUND_10_A, AROUND_10_A),
                samples("b", new double[0], new double[0])));

    assertThat(result.score()).isZero();
    assertThat(result.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(result.summary())
        .isEqualTo(
            "score 0, 1 of 2 metrics without data (at least half): b nodata (no canary and baseline data)");
  }

  @Test
  void a_listed_metric_without_samples_has_no_data() {
    JudgeResult result =
        CanaryJudge.judge(
            judge(named("a"), named("b"), named("c")),
            List.of(
                samples("a", AROUND_10_A, AROUND_10_A), samples("c", AROUND_10_A, AROUND_10_A)));

    assertThat(result.metrics()).extracting(MetricResult::metric).containsExactly("a", "b", "c");
    assertThat(result.metrics().get(1).classification()).isEqualTo(Classification.NODATA);
  }

  @Test
  void nan_measurements_are_dropped_or_read_as_zero() {
    double nan = Double.NaN;
    MetricSamples errors =
        samples(
            "errors", new double[] {nan, nan, nan, nan, nan}, new double[] {nan, 0, nan, nan, nan});

    MetricResult removed = only(CanaryJudge.judge(judge(named("errors")), List.of(errors)));
    MetricResult replaced =
        only(
            CanaryJudge.judge(
                judge(nanStrategy(named("errors"), NanStrategy.REPLACE)), List.of(errors)));

    assertThat(removed.classification()).isEqualTo(Classification.NODATA);
    assertThat(removed.canary().count()).isEqualTo(1);
    assertThat(removed.canary().dropped()).isEqualTo(4);
    assertThat(removed.reason()).isEqualTo("no baseline data");
    assertThat(replaced.classification()).isEqualTo(Classification.PASS);
    assertThat(replaced.baseline().count()).isEqualTo(5);
  }

  @Test
  void errors_that_rise_from_none_are_high_though_the_ratio_is_undefined() {
    // Kayenta's worked example: NaN baseline read as zero errors, a canary with errors.
    double nan = Double.NaN;
    JudgedMetric errors = critical(nanStrategy(named("errors"), NanStrategy.REPLACE));

    JudgeResult result =
        CanaryJudge.judge(
            judge(errors),
            List.of(
                samples(
                    "errors",
                    new double[] {nan, nan, nan, nan, nan, nan},
                    new double[] {3, 4, 2, 5, 3, 4})));

    assertThat(only(result).classification()).isEqualTo(Classification.HIGH);
    assertThat(only(result).comparison().orElseThrow().meanRatio()).isEmpty();
    assertThat(result.verdict()).isEqualTo(ScoreClass.FAIL);
  }

  @Test
  void an_empty_series_is_no_data_even_when_nans_count_as_zero() {
    // Kayenta passes this (ClassifierSuite, "Missing Experiment Data with NaN Replacement"); an
    // empty Prometheus result is no data, not zero, and no data is never a pass (DESIGN §6).
    MetricResult result =
        only(
            CanaryJudge.judge(
                judge(nanStrategy(named("m"), NanStrategy.REPLACE)),
                List.of(samples("m", new double[] {1, 2, 3, 4, 5}, new double[0]))));

    assertThat(result.classification()).isEqualTo(Classification.NODATA);
  }

  @Test
  void outliers_are_removed_when_asked() {
    // Reduced sensitivity never drops the 1% at either end: a short series keeps its extremes.
    double[] baseline =
        DoubleStream.iterate(0, i -> i + 1).limit(120).map(i -> 10 + i % 3).toArray();
    double[] canary = baseline.clone();
    canary[119] = 500;
    JudgedMetric removing =
        new JudgedMetric(
            "m",
            Direction.EITHER,
            false,
            false,
            NanStrategy.REMOVE,
            new Outliers(true, 3),
            Optional.empty(),
            Judge.DEFAULT_GROUP,
            1);

    MetricResult kept =
        only(CanaryJudge.judge(judge(named("m")), List.of(samples("m", baseline, canary))));
    MetricResult removed =
        only(CanaryJudge.judge(judge(removing), List.of(samples("m", baseline, canary))));

    assertThat(kept.canary().count()).isEqualTo(120);
    assertThat(removed.canary().count()).isEqualTo(119);
    assertThat(removed.canary().dropped()).isEqualTo(1);
    assertThat(removed.canary().mean().getAsDouble()).isLessThan(12);
  }

  @Test
  void the_score_is_compared_with_the_thresholds() {
    // Four metrics, one high: 75 is a pass at 75, marginal at 80, a failure with marginal 76.
    double[] baseline = DoubleStream.iterate(0.100, v -> v + 0.001).limit(20).toArray();
    double[] canary = Arrays.stream(baseline).map(v -> 2 * v).toArray();
    List<MetricSamples> samples =
        List.of(
            samples("a", baseline, canary),
            samples("b", baseline, baseline),
            samples("c", baseline, baseline),
            samples("d", baseline, baseline));
    List<JudgedMetric> metrics = List.of(named("a"), named("b"), named("c"), named("d"));

    assertThat(
            CanaryJudge.judge(new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75), metrics), samples)
                .verdict())
        .isEqualTo(ScoreClass.PASS);
    assertThat(
            CanaryJudge.judge(new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 80), metrics), samples)
                .verdict())
        .isEqualTo(ScoreClass.MARGINAL);
    JudgeResult failed =
        CanaryJudge.judge(new Judge(new Judge.MannWhitney(0.95, 0.1, 76, 80), metrics), samples);
    assertThat(failed.verdict()).isEqualTo(ScoreClass.FAIL);
    assertThat(failed.summary())
        .startsWith("score 75 < marginal 76: a high (canary 0.219 vs baseline 0.11, p=");
  }

  @Test
  void group_weights_share_the_score() {
    double[] baseline = DoubleStream.iterate(0.100, v -> v + 0.001).limit(20).toArray();
    double[] canary = Arrays.stream(baseline).map(v -> 2 * v).toArray();
    JudgedMetric latency = group(named("latency-p95"), "latency");
    JudgedMetric errors = group(named("errors"), "errors");
    Judge judge =
        new Judge(
            new Judge.MannWhitney(0.95, 0.1, 50, 75),
            List.of(latency, errors),
            Map.of("latency", 30.0, "errors", 70.0));

    JudgeResult result =
        CanaryJudge.judge(
            judge,
            List.of(
                samples("latency-p95", baseline, canary), samples("errors", baseline, baseline)));

    assertThat(result.score()).isEqualTo(70);
  }

  @Test
  void samples_for_a_metric_the_judge_does_not_list_are_refused() {
    assertThatThrownBy(
            () ->
                CanaryJudge.judge(
                    judge(named("a")), List.of(samples("b", AROUND_10_A, AROUND_10_A))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("samples for metric 'b', which the judge does not compare");
    assertThatThrownBy(
            () ->
                CanaryJudge.judge(
                    new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75), List.of()), List.of()))
        .hasMessage("no metric to judge");
  }

  @Test
  void without_a_list_every_metric_sampled_is_judged_with_the_defaults() {
    Judge all = new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75), List.of());

    JudgeResult result =
        CanaryJudge.judge(
            all,
            List.of(
                samples("a", AROUND_10_B, AROUND_20_A), samples("b", AROUND_10_A, AROUND_10_A)));

    assertThat(result.metrics())
        .extracting(MetricResult::classification)
        .containsExactly(Classification.HIGH, Classification.PASS);
    assertThat(result.score()).isEqualTo(50);
  }

  // Helpers.

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  static MetricSamples samples(String metric, double[] baseline, double[] canary) {
    return new MetricSamples(metric, boxed(baseline), boxed(canary));
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static MetricResult only(JudgeResult result) {
    assertThat(result.metrics()).hasSize(1);
    return result.metrics().get(0);
  }

  private static Judge judge(JudgedMetric... metrics) {
    return new Judge(new Judge.MannWhitney(0.95, 0.1, 50, 75), List.of(metrics));
  }

  private static JudgedMetric named(String name) {
    return JudgedMetric.named(name);
  }

  private static JudgedMetric critical(JudgedMetric m) {
    return new JudgedMetric(
        m.name(),
        m.direction(),
        true,
        m.mustHaveData(),
        m.nanStrategy(),
        m.outliers(),
        m.effectSize(),
        m.group(),
        m.weight());
  }

  private static JudgedMetric mustHaveData(JudgedMetric m) {
    return new JudgedMetric(
        m.name(),
        m.direction(),
        m.critical(),
        true,
        m.nanStrategy(),
        m.outliers(),
        m.effectSize(),
        m.group(),
        m.weight());
  }

  private static JudgedMetric direction(JudgedMetric m, Direction direction) {
    return new JudgedMetric(
        m.name(),
        direction,
        m.critical(),
        m.mustHaveData(),
        m.nanStrategy(),
        m.outliers(),
        m.effectSize(),
        m.group(),
        m.weight());
  }

  private static JudgedMetric nanStrategy(JudgedMetric m, NanStrategy nanStrategy) {
    return new JudgedMetric(
        m.name(),
        m.direction(),
        m.critical(),
        m.mustHaveData(),
        nanStrategy,
        m.outliers(),
        m.effectSize(),
        m.group(),
        m.weight());
  }

  private static JudgedMetric group(JudgedMetric m, String group) {
    return new JudgedMetric(
        m.name(),
        m.direction(),
        m.critical(),
        m.mustHaveData(),
        m.nanStrategy(),
        m.outliers(),
        m.effectSize(),
        group,
        m.weight());
  }
}
