package dev.sextant.core.analysis;

import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The metrics of one analysis together, and its verdict as Argo Rollouts' {@code assessRunStatus}
 * gives it: the worst phase among the metrics that are not dry-run (FAILED over ERROR over
 * INCONCLUSIVE over RUNNING over SUCCESSFUL), so one failed metric ends the analysis at once;
 * SUCCESSFUL only when every metric, dry-run ones included, is done. A dry-run metric is measured
 * and recorded like any other but never decides.
 *
 * <p>With a judge, the {@code comparison} is one more voice: its score's phase counts like a
 * metric's, and until it has judged, the analysis runs. A judged metric's missing data is the
 * judge's to weigh ({@code mustHaveData}), so a judged metric without conditions of its own takes
 * any number of inconclusive measurements.
 */
public record AnalysisRunState(List<MetricRun> metrics, Optional<CanaryComparison> comparison) {
  public AnalysisRunState {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("an analysis has at least one metric");
    }
    java.util.Objects.requireNonNull(comparison, "comparison");
  }

  /** An analysis without a judge. */
  public AnalysisRunState(List<MetricRun> metrics) {
    this(metrics, Optional.empty());
  }

  /**
   * The analysis of a template's metrics, and its judge's comparison, started at {@code startedAt}.
   */
  public static AnalysisRunState start(AnalysisTemplateSpec template, Instant startedAt) {
    Optional<CanaryComparison> comparison =
        template.judge().map(judge -> CanaryComparison.start(judge, template.metrics()));
    return new AnalysisRunState(
        template.metrics().stream()
            .map(m -> comparison.filter(c -> c.judges(m.name())).isPresent() ? relaxed(m) : m)
            .map(m -> MetricRun.start(m, startedAt))
            .toList(),
        comparison);
  }

  private static Metric relaxed(Metric metric) {
    boolean conditions =
        metric.successCondition().isPresent() || metric.failureCondition().isPresent();
    return conditions ? metric : metric.withInconclusiveLimit(-1);
  }

  /**
   * This analysis with a measurement of the metric named {@code metric} recorded.
   *
   * @throws IllegalArgumentException when the analysis has no such metric
   * @throws IllegalStateException when the analysis or that metric is already done
   */
  public AnalysisRunState record(String metric, Measurement measurement) {
    requireRunning();
    return with(metric, metrics.get(indexOf(metric)).record(measurement));
  }

  /**
   * This analysis with a measurement of {@code metric} that something other than its conditions
   * judged (a burn-rate gate) recorded.
   *
   * @throws IllegalArgumentException when the analysis has no such metric
   * @throws IllegalStateException when the analysis or that metric is already done
   */
  public AnalysisRunState record(String metric, Judged judged) {
    requireRunning();
    return with(metric, metrics.get(indexOf(metric)).record(judged));
  }

  /**
   * This analysis with a measurement of a judged metric on the baseline recorded; it decides
   * nothing until the judge compares.
   *
   * @throws IllegalArgumentException when the analysis has no judge or it does not judge {@code
   *     metric}
   */
  public AnalysisRunState recordBaseline(String metric, Measurement measurement) {
    CanaryComparison judged =
        comparison
            .orElseThrow(() -> new IllegalArgumentException("the analysis has no judge"))
            .withBaseline(metric, measurement);
    return new AnalysisRunState(metrics, Optional.of(judged));
  }

  private AnalysisRunState with(String metric, MetricRun run) {
    List<MetricRun> next = new ArrayList<>(metrics);
    next.set(indexOf(metric), run);
    return new AnalysisRunState(next, comparison.map(c -> c.judgedIfDone(next)));
  }

  private void requireRunning() {
    if (phase().isDone()) {
      throw new IllegalStateException(
          "the analysis is " + phase() + "; it takes no more measurements");
    }
  }

  /** The verdict so far, as the class documentation says. */
  public AnalysisPhase phase() {
    AnalysisPhase worst = AnalysisPhase.SUCCESSFUL;
    boolean everythingDone = true;
    for (MetricRun run : metrics) {
      AnalysisPhase phase = run.phase();
      everythingDone &= phase.isDone();
      if (!run.metric().dryRun()) {
        worst = worst.worse(phase);
      }
    }
    if (comparison.isPresent()) {
      AnalysisPhase judged = comparison.get().phase();
      worst = worst.worse(judged);
      everythingDone &= judged.isDone();
    }
    if (worst.ordinal() > AnalysisPhase.RUNNING.ordinal()) {
      return worst;
    }
    return everythingDone ? AnalysisPhase.SUCCESSFUL : AnalysisPhase.RUNNING;
  }

  /** The earliest time a metric is due to be measured; empty once the analysis is done. */
  public Optional<Instant> nextMeasurementAt() {
    if (phase().isDone()) {
      return Optional.empty();
    }
    return metrics.stream()
        .map(MetricRun::nextMeasurementAt)
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  /** The metrics due to be measured at {@code now}, a time given, never read. */
  public List<Metric> due(Instant now) {
    if (phase().isDone()) {
      return List.of();
    }
    return metrics.stream()
        .filter(run -> run.nextMeasurementAt().filter(at -> !at.isAfter(now)).isPresent())
        .map(MetricRun::metric)
        .toList();
  }

  private int indexOf(String metric) {
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i).metric().name().equals(metric)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the analysis has no metric '" + metric + "'");
  }
}
