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
 */
public record AnalysisRunState(List<MetricRun> metrics) {
  public AnalysisRunState {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("an analysis has at least one metric");
    }
  }

  /** The analysis of a template's metrics, started at {@code startedAt}. */
  public static AnalysisRunState start(AnalysisTemplateSpec template, Instant startedAt) {
    return new AnalysisRunState(
        template.metrics().stream().map(m -> MetricRun.start(m, startedAt)).toList());
  }

  /**
   * This analysis with a measurement of the metric named {@code metric} recorded.
   *
   * @throws IllegalArgumentException when the analysis has no such metric
   * @throws IllegalStateException when the analysis or that metric is already done
   */
  public AnalysisRunState record(String metric, Measurement measurement) {
    if (phase().isDone()) {
      throw new IllegalStateException(
          "the analysis is " + phase() + "; it takes no more measurements");
    }
    List<MetricRun> next = new ArrayList<>(metrics);
    next.set(indexOf(metric), metrics.get(indexOf(metric)).record(measurement));
    return new AnalysisRunState(next);
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
