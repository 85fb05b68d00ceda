package dev.sextant.core.analysis.judge;

import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Judge.JudgedMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canary judge (Kayenta's NetflixACAJudge): classifies each metric, scores the classifications,
 * and compares the score with the template's thresholds. A metric that fails the run (critical and
 * not a pass, or required data missing) makes the score 0, and so does no data for at least half of
 * the metrics.
 */
public final class CanaryJudge {
  private CanaryJudge() {}

  /**
   * Judges the canary by its samples. Metrics the judge lists but the samples leave out have no
   * data.
   *
   * @throws IllegalArgumentException when there is nothing to judge, a metric has two samples, or a
   *     sample is for a metric the judge does not list
   */
  public static JudgeResult judge(Judge judge, List<MetricSamples> samples) {
    Map<String, MetricSamples> byMetric = new LinkedHashMap<>();
    judge.metrics().forEach(m -> byMetric.put(m.name(), null));
    for (MetricSamples sample : samples) {
      if (!judge.metrics().isEmpty() && !byMetric.containsKey(sample.metric())) {
        throw new IllegalArgumentException(
            "samples for metric '" + sample.metric() + "', which the judge does not compare");
      }
      if (byMetric.put(sample.metric(), sample) != null) {
        throw new IllegalArgumentException("two samples for metric '" + sample.metric() + "'");
      }
    }
    if (byMetric.isEmpty()) {
      throw new IllegalArgumentException("no metric to judge");
    }
    List<Scorer.Scored> scored = new ArrayList<>();
    byMetric.forEach(
        (name, sample) -> {
          JudgedMetric metric = judge.metric(name);
          MetricSamples given =
              sample == null ? new MetricSamples(name, List.of(), List.of()) : sample;
          scored.add(new Scorer.Scored(metric, MetricClassifier.classify(judge, metric, given)));
        });
    List<MetricResult> results = scored.stream().map(Scorer.Scored::result).toList();
    return verdict(judge, scored, results);
  }

  private static JudgeResult verdict(
      Judge judge, List<Scorer.Scored> scored, List<MetricResult> results) {
    List<MetricResult> failing = results.stream().filter(MetricResult::failsRun).toList();
    if (!failing.isEmpty()) {
      return new JudgeResult(
          0, ScoreClass.FAIL, results, "score 0, failed by " + listed(failing, true));
    }
    if (Scorer.tooManyNodata(results)) {
      List<MetricResult> nodata =
          results.stream().filter(r -> r.classification() == Classification.NODATA).toList();
      return new JudgeResult(
          0,
          ScoreClass.FAIL,
          results,
          "score 0, "
              + nodata.size()
              + " of "
              + results.size()
              + " metrics without data (at least half): "
              + listed(nodata, false));
    }
    double score = Scorer.score(judge, scored);
    Judge.MannWhitney thresholds = judge.mannWhitney();
    ScoreClass verdict;
    String comparison;
    if (score >= thresholds.pass()) {
      verdict = ScoreClass.PASS;
      comparison = " >= pass " + Figures.of(thresholds.pass());
    } else if (score >= thresholds.marginal()) {
      verdict = ScoreClass.MARGINAL;
      comparison = " < pass " + Figures.of(thresholds.pass());
    } else {
      verdict = ScoreClass.FAIL;
      comparison = " < marginal " + Figures.of(thresholds.marginal());
    }
    List<MetricResult> notPassing =
        results.stream().filter(r -> r.classification() != Classification.PASS).toList();
    String detail =
        notPassing.isEmpty()
            ? "all " + results.size() + " metrics pass"
            : listed(notPassing, false);
    return new JudgeResult(
        score, verdict, results, "score " + Figures.of(score) + comparison + ": " + detail);
  }

  private static String listed(List<MetricResult> results, boolean critical) {
    return results.stream()
        .map(r -> (critical && r.critical() ? "critical " : "") + r.metric() + " " + brief(r))
        .collect(Collectors.joining("; "));
  }

  // "high (canary 0.21 vs baseline 0.1, p=0.002)": what a reader needs to look further.
  private static String brief(MetricResult result) {
    String label = result.classification().name().toLowerCase(Locale.ROOT);
    if (result.comparison().isEmpty()) {
      return label + " (" + result.reason() + ")";
    }
    return label
        + " (canary "
        + Figures.of(result.canary().mean().orElseThrow())
        + " vs baseline "
        + Figures.of(result.baseline().mean().orElseThrow())
        + ", p="
        + Figures.of(result.comparison().orElseThrow().pValue())
        + ")";
  }
}
