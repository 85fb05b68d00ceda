package dev.sextant.core.analysis;

import dev.sextant.core.analysis.judge.CanaryJudge;
import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.core.analysis.judge.MetricSamples;
import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The judge's part of an analysis: each judged metric is measured on the baseline as well as on the
 * canary, and once every judged metric has taken its measurements the judge compares the two
 * samples and gives the analysis its score.
 *
 * @param metrics the judged metrics' names
 * @param baseline each judged metric's baseline measurements so far
 * @param result the judge's result, once every judged metric is done
 */
public record CanaryComparison(
    Judge judge,
    List<String> metrics,
    Map<String, List<Measurement>> baseline,
    Optional<JudgeResult> result) {

  public CanaryComparison {
    Objects.requireNonNull(judge, "judge");
    metrics = List.copyOf(metrics);
    Map<String, List<Measurement>> copy = new LinkedHashMap<>();
    baseline.forEach((metric, measurements) -> copy.put(metric, List.copyOf(measurements)));
    baseline = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(result, "result");
  }

  /** The comparison a template's judge asks for, nothing measured yet. */
  public static CanaryComparison start(Judge judge, List<Metric> templateMetrics) {
    List<String> names = judge.metricNames(templateMetrics);
    Map<String, List<Measurement>> none = new LinkedHashMap<>();
    names.forEach(name -> none.put(name, List.of()));
    return new CanaryComparison(judge, names, none, Optional.empty());
  }

  /** Whether the metric named {@code metric} is judged, so measured on the baseline too. */
  public boolean judges(String metric) {
    return metrics.contains(metric);
  }

  /** This comparison with a baseline measurement of {@code metric} added. */
  CanaryComparison withBaseline(String metric, Measurement measurement) {
    if (!judges(metric)) {
      throw new IllegalArgumentException("the judge does not compare metric '" + metric + "'");
    }
    Map<String, List<Measurement>> more = new LinkedHashMap<>(baseline);
    List<Measurement> taken = new ArrayList<>(more.get(metric));
    taken.add(measurement);
    more.put(metric, taken);
    return new CanaryComparison(judge, metrics, more, result);
  }

  /** This comparison judged, when every judged metric of {@code runs} is done and it is not yet. */
  CanaryComparison judgedIfDone(List<MetricRun> runs) {
    if (result.isPresent()) {
      return this;
    }
    List<MetricSamples> samples = new ArrayList<>();
    for (MetricRun run : runs) {
      if (!judges(run.metric().name())) {
        continue;
      }
      if (!run.phase().isDone()) {
        return this;
      }
      samples.add(
          new MetricSamples(
              run.metric().name(),
              values(baseline.get(run.metric().name())),
              values(run.measurements().stream().map(Judged::measurement).toList())));
    }
    return new CanaryComparison(
        judge, metrics, baseline, Optional.of(CanaryJudge.judge(judge, samples)));
  }

  /**
   * What the judge's score makes of the analysis: a pass is successful, a marginal score
   * inconclusive (a person decides, as Kayenta's marginal canary does), a fail failed; running
   * until judged.
   */
  public AnalysisPhase phase() {
    return result
        .map(
            r ->
                switch (r.verdict()) {
                  case PASS -> AnalysisPhase.SUCCESSFUL;
                  case MARGINAL -> AnalysisPhase.INCONCLUSIVE;
                  case FAIL -> AnalysisPhase.FAILED;
                })
        .orElse(AnalysisPhase.RUNNING);
  }

  // Every value a measurement gave (a query's series each give one); no data gives none.
  private static List<Double> values(List<Measurement> measurements) {
    List<Double> values = new ArrayList<>();
    for (Measurement measurement : measurements) {
      if (measurement instanceof Measurement.Value value) {
        values.addAll(value.result());
      }
    }
    return values;
  }
}
