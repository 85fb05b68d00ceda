package dev.sextant.core.analysis;

import dev.sextant.core.resource.spec.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric of a running analysis: its judged measurements and, from them alone, its phase and
 * when it is next measured, as Argo Rollouts' {@code assessMetricStatus} decides:
 *
 * <ol>
 *   <li>failed measurements more than {@code failureLimit} (unless negative): FAILED;
 *   <li>inconclusive ones more than {@code inconclusiveLimit} (unless negative): INCONCLUSIVE;
 *   <li>errors in a row more than {@code consecutiveErrorLimit} (unless negative): ERROR;
 *   <li>{@code count} measurements taken, errors not counted: SUCCESSFUL;
 *   <li>otherwise RUNNING. Without {@code count}, a metric with an {@code interval} runs until the
 *       analysis ends, one without is measured once.
 * </ol>
 *
 * <p>One departure from Argo: a metric whose every counted measurement was inconclusive (no data
 * within the limit) ends INCONCLUSIVE, not SUCCESSFUL, because no data is never a pass.
 */
public record MetricRun(Metric metric, Instant startedAt, List<Judged> measurements) {

  /** Argo's {@code DefaultErrorRetryInterval}: a failed query is tried again this soon. */
  public static final Duration ERROR_RETRY_INTERVAL = Duration.ofSeconds(10);

  public MetricRun {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(startedAt, "startedAt");
    measurements = List.copyOf(measurements);
  }

  /** A metric about to be measured for an analysis that started at {@code startedAt}. */
  public static MetricRun start(Metric metric, Instant startedAt) {
    return new MetricRun(metric, startedAt, List.of());
  }

  /**
   * This run with {@code measurement} judged by the metric's conditions and added.
   *
   * @throws IllegalStateException when the metric is already done
   */
  public MetricRun record(Measurement measurement) {
    return record(Conditions.judge(metric, measurement));
  }

  /**
   * This run with a measurement already judged, by something other than the metric's conditions (a
   * burn-rate gate), added.
   *
   * @throws IllegalStateException when the metric is already done
   */
  public MetricRun record(Judged judged) {
    if (phase().isDone()) {
      throw new IllegalStateException(
          "metric " + metric.name() + " is " + phase() + "; it takes no more measurements");
    }
    List<Judged> more = new ArrayList<>(measurements);
    more.add(judged);
    return new MetricRun(metric, startedAt, more);
  }

  /** The metric's phase, as the class documentation says. */
  public AnalysisPhase phase() {
    if (exceeds(count(AnalysisPhase.FAILED), metric.failureLimit())) {
      return AnalysisPhase.FAILED;
    }
    if (exceeds(count(AnalysisPhase.INCONCLUSIVE), metric.inconclusiveLimit())) {
      return AnalysisPhase.INCONCLUSIVE;
    }
    if (exceeds(consecutiveErrors(), metric.consecutiveErrorLimit())) {
      return AnalysisPhase.ERROR;
    }
    Optional<Integer> count = effectiveCount();
    if (count.isPresent() && counted() >= count.get()) {
      return counted() == count(AnalysisPhase.INCONCLUSIVE)
          ? AnalysisPhase.INCONCLUSIVE
          : AnalysisPhase.SUCCESSFUL;
    }
    return AnalysisPhase.RUNNING;
  }

  /**
   * When the metric is next measured: {@code initialDelay} after the start, then {@code interval}
   * after the last measurement, or {@link #ERROR_RETRY_INTERVAL} after an error; empty once done.
   */
  public Optional<Instant> nextMeasurementAt() {
    if (phase().isDone()) {
      return Optional.empty();
    }
    if (measurements.isEmpty()) {
      return Optional.of(startedAt.plus(metric.initialDelay().orElse(Duration.ZERO)));
    }
    Judged last = measurements.get(measurements.size() - 1);
    if (last.phase() == AnalysisPhase.ERROR) {
      return Optional.of(last.measurement().at().plus(ERROR_RETRY_INTERVAL));
    }
    return metric.interval().map(interval -> last.measurement().at().plus(interval));
  }

  /** How many measurements had this phase. */
  public int count(AnalysisPhase phase) {
    return (int) measurements.stream().filter(m -> m.phase() == phase).count();
  }

  /** The errors since the last measurement that was not one. */
  public int consecutiveErrors() {
    int errors = 0;
    for (int i = measurements.size() - 1;
        i >= 0 && measurements.get(i).phase() == AnalysisPhase.ERROR;
        i--) {
      errors++;
    }
    return errors;
  }

  private int counted() {
    return measurements.size() - count(AnalysisPhase.ERROR);
  }

  /** Argo's {@code EffectiveCount}: no count and no interval means one measurement. */
  private Optional<Integer> effectiveCount() {
    if (metric.count().isPresent()) {
      return metric.count();
    }
    return metric.interval().isPresent() ? Optional.empty() : Optional.of(1);
  }

  private static boolean exceeds(int count, int limit) {
    return limit >= 0 && count > limit;
  }
}
