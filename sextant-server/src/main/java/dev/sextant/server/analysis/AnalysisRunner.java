package dev.sextant.server.analysis;

import dev.sextant.core.analysis.AnalysisRunState;
import dev.sextant.core.analysis.Judged;
import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.MetricRun;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One analysis step at work: its template's metrics, each with its source of measurements, and the
 * state the core judges them in. The caller (the engine's analysis tick) calls {@link #measure}
 * when {@link #nextDue} says, stores the judged measurements and, once the phase is done, delivers
 * the verdict to the rollout.
 *
 * <p>Not thread-safe: one tick at a time.
 */
public final class AnalysisRunner {
  private final Map<String, MeasurementSource> sources;
  private AnalysisRunState state;

  private AnalysisRunner(Map<String, MeasurementSource> sources, AnalysisRunState state) {
    this.sources = sources;
    this.state = state;
  }

  /**
   * The analysis of {@code template} with {@code args} filled in, started at {@code startedAt};
   * {@code sources} gives each metric (as filled in) its source of measurements, and each source
   * begins now.
   *
   * @throws IllegalArgumentException when a placeholder names an argument without a value
   */
  public static AnalysisRunner start(
      AnalysisTemplateSpec template,
      List<Argument> args,
      Function<Metric, MeasurementSource> sources,
      Instant startedAt) {
    AnalysisTemplateSpec filled = TemplateArguments.apply(template, args);
    Map<String, MeasurementSource> byMetric = new HashMap<>();
    filled.metrics().forEach(m -> byMetric.put(m.name(), sources.apply(m)));
    byMetric.values().forEach(MeasurementSource::begin);
    return new AnalysisRunner(byMetric, AnalysisRunState.start(filled, startedAt));
  }

  /**
   * Takes the measurements due at {@code now}, judges them and says where the analysis stands. A
   * metric that ends the analysis (one failure is enough) leaves the others due unmeasured.
   */
  public AnalysisTick measure(Instant now) {
    List<MetricJudged> judged = new ArrayList<>();
    for (Metric metric : state.due(now)) {
      if (state.phase().isDone()) {
        break;
      }
      Measurement measurement = sources.get(metric.name()).measure();
      state = state.record(metric.name(), measurement);
      judged.add(new MetricJudged(metric.name(), last(metric.name())));
    }
    return new AnalysisTick(state.phase(), judged);
  }

  /** When to call {@link #measure} again; empty once the analysis is done. */
  public Optional<Instant> nextDue() {
    return state.nextMeasurementAt();
  }

  /** Every metric's measurements so far and the verdict they give. */
  public AnalysisRunState state() {
    return state;
  }

  private Judged last(String metric) {
    MetricRun run =
        state.metrics().stream().filter(m -> m.metric().name().equals(metric)).findFirst().get();
    return run.measurements().get(run.measurements().size() - 1);
  }
}
