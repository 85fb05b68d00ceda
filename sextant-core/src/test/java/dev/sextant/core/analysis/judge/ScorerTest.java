package dev.sextant.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.analysis.judge.MetricResult.SampleSummary;
import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Judge.JudgedMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The cases of Kayenta's {@code kayenta-judge/src/test/scala/.../ScorerSuite.scala}. */
class ScorerTest {
  private static final Judge.MannWhitney TEST = new Judge.MannWhitney(0.95, 0.1, 50, 75);

  @Test
  void single_metric_pass_and_fail() {
    assertThat(score(Map.of(), scored("m", "g", Classification.PASS))).isEqualTo(100);
    assertThat(score(Map.of(), scored("m", "g", Classification.HIGH))).isZero();
  }

  @Test
  void one_group_two_and_three_metrics() {
    assertThat(
            score(
                Map.of(),
                scored("a", "g", Classification.PASS),
                scored("b", "g", Classification.HIGH)))
        .isEqualTo(50);
    assertThat(
            score(
                Map.of(),
                scored("a", "g", Classification.PASS),
                scored("b", "g", Classification.HIGH),
                scored("c", "g", Classification.LOW)))
        .isEqualTo(33.33);
  }

  @Test
  void two_weighted_groups() {
    assertThat(
            score(
                Map.of("group-1", 75.0, "group-2", 25.0),
                scored("a", "group-1", Classification.PASS),
                scored("b", "group-1", Classification.PASS),
                scored("c", "group-2", Classification.HIGH)))
        .isEqualTo(75);
    assertThat(
            score(
                Map.of("group-1", 50.0, "group-2", 50.0),
                scored("a", "group-1", Classification.PASS),
                scored("b", "group-1", Classification.HIGH),
                scored("c", "group-2", Classification.HIGH)))
        .isEqualTo(25);
  }

  @Test
  void unweighted_groups_share_what_the_weights_leave() {
    assertThat(
            score(
                Map.of("group-1", 40.0),
                scored("a", "group-1", Classification.HIGH),
                scored("b", "group-2", Classification.PASS),
                scored("c", "group-3", Classification.PASS)))
        .isEqualTo(60);
  }

  @Test
  void metrics_without_data_are_not_counted_and_a_group_of_them_scores_100() {
    assertThat(
            score(
                Map.of(),
                scored("a", "g", Classification.PASS),
                scored("b", "g", Classification.NODATA),
                scored("c", "g", Classification.HIGH)))
        .isEqualTo(50);
    assertThat(score(Map.of(), scored("a", "g", Classification.NODATA))).isEqualTo(100);
  }

  // ScorerSuite, "No Data": what the score would be is moot; half the metrics without data fail.
  @Test
  void no_data_for_half_of_the_metrics_is_too_many() {
    assertThat(Scorer.tooManyNodata(results(scored("a", "g", Classification.NODATA)))).isTrue();
    assertThat(
            Scorer.tooManyNodata(
                results(
                    scored("a", "g", Classification.NODATA),
                    scored("b", "g", Classification.PASS),
                    scored("c", "g", Classification.PASS))))
        .isFalse();
  }

  private static double score(Map<String, Double> weights, Scorer.Scored... scored) {
    List<JudgedMetric> metrics = Arrays.stream(scored).map(Scorer.Scored::metric).toList();
    return Scorer.score(new Judge(TEST, metrics, weights), List.of(scored));
  }

  private static List<MetricResult> results(Scorer.Scored... scored) {
    return Arrays.stream(scored).map(Scorer.Scored::result).toList();
  }

  private static Scorer.Scored scored(String name, String group, Classification classification) {
    JudgedMetric named = JudgedMetric.named(name);
    JudgedMetric metric =
        new JudgedMetric(
            name,
            named.direction(),
            false,
            false,
            named.nanStrategy(),
            named.outliers(),
            Optional.empty(),
            group,
            1);
    SampleSummary none = new SampleSummary(0, 0, OptionalDouble.empty());
    return new Scorer.Scored(
        metric,
        new MetricResult(name, classification, false, false, none, none, Optional.empty(), ""));
  }
}
