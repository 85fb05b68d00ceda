package dev.sextant.server.analysis;

import dev.sextant.core.analysis.AnalysisPhase;
import dev.sextant.core.analysis.AnalysisRunState;
import dev.sextant.core.analysis.CanaryComparison;
import dev.sextant.core.analysis.Judged;
import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.MetricRun;
import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysis step at work: its template's metrics, each with its source of measurements, and the
 * state the core judges them in. The caller (the engine's analysis tick) calls {@link #measure}
 * when {@link #nextDue} says, stores the judged measurements and, once the phase is done, delivers
 * the verdict to the rollout.
 *
 * <p>A metric the template's judge compares is measured on the baseline right after the canary, so
 * both samples see the same moment; the template's burn-rate metric is measured by its gate.
 *
 * <p>Not thread-safe: one tick at a time.
 */
public final class AnalysisRunner {
  private final Map<String, MeasurementSource> canary;
  private final Map<String, MeasurementSource> baseline;
  private final Map<String, MetricSources.GateSource> gates;
  private AnalysisRunState state;

  private AnalysisRunner(
      Map<String, MeasurementSource> canary,
      Map<String, MeasurementSource> baseline,
      Map<String, MetricSources.GateSource> gates,
      AnalysisRunState state) {
    this.canary = canary;
    this.baseline = baseline;
    this.gates = gates;
    this.state = state;
  }

  /**
   * The analysis of {@code template} with {@code args} filled in, started at {@code startedAt};
   * {@code sources} gives each metric (as filled in) its sources of measurements, and each begins
   * now.
   *
   * @throws IllegalArgumentException when a placeholder names an argument without a value
   */
  public static AnalysisRunner start(
      AnalysisTemplateSpec template,
      List<Argument> args,
      MetricSources sources,
      Instant startedAt) {
    AnalysisTemplateSpec filled = TemplateArguments.apply(template, args);
    AnalysisRunState state = AnalysisRunState.start(filled, startedAt);
    Map<String, MeasurementSource> canary = new HashMap<>();
    Map<String, MeasurementSource> baseline = new HashMap<>();
    Map<String, MetricSources.GateSource> gates = new HashMap<>();
    Optional<String> gated = filled.burnRate().map(b -> b.metric());
    for (Metric metric : filled.metrics()) {
      if (gated.filter(metric.name()::equals).isPresent()) {
        gates.put(metric.name(), sources.burnRate(metric, filled.burnRate().get()));
        continue;
      }
      canary.put(metric.name(), sources.canary(metric));
      if (state.comparison().filter(c -> c.judges(metric.name())).isPresent()) {
        baseline.put(metric.name(), sources.baseline(metric));
      }
    }
    canary.values().forEach(MeasurementSource::begin);
    baseline.values().forEach(MeasurementSource::begin);
    return new AnalysisRunner(canary, baseline, gates, state);
  }

  /**
   * Takes the measurements due at {@code now}, judges them and says where the analysis stands. A
   * metric that ends the analysis (one failure is enough) leaves the others due unmeasured.
   */
  public AnalysisTick measure(Instant now) {
    List<MetricJudged> judged = new ArrayList<>();
    boolean judgedBefore = judgement().isPresent();
    for (Metric metric : state.due(now)) {
      if (state.phase().isDone()) {
        break;
      }
      String name = metric.name();
      if (gates.containsKey(name)) {
        state = state.record(name, gates.get(name).measure());
      } else {
        if (baseline.containsKey(name)) {
          // First, so that the judge, which compares once the canary's last one is in, has it.
          Measurement measured = baseline.get(name).measure();
          state = state.recordBaseline(name, measured);
          judged.add(new MetricJudged(name, MetricJudged.BASELINE, asBaseline(measured)));
        }
        state = state.record(name, canary.get(name).measure());
      }
      judged.add(new MetricJudged(name, last(name)));
    }
    Optional<JudgeResult> judgedNow = judgedBefore ? Optional.empty() : judgement();
    return new AnalysisTick(state.phase(), judged, judgedNow);
  }

  /** When to call {@link #measure} again; empty once the analysis is done. */
  public Optional<Instant> nextDue() {
    return state.nextMeasurementAt();
  }

  /** Every metric's measurements so far and the verdict they give. */
  public AnalysisRunState state() {
    return state;
  }

  private Optional<JudgeResult> judgement() {
    return state.comparison().flatMap(CanaryComparison::result);
  }

  private Judged last(String metric) {
    MetricRun run =
        state.metrics().stream().filter(m -> m.metric().name().equals(metric)).findFirst().get();
    return run.measurements().get(run.measurements().size() - 1);
  }

  // A baseline measurement decides nothing by itself: the judge weighs it with the canary's.
  private static Judged asBaseline(Measurement measurement) {
    if (measurement instanceof Measurement.QueryError error) {
      return new Judged(measurement, AnalysisPhase.ERROR, error.message());
    }
    if (measurement instanceof Measurement.NoData noData) {
      return new Judged(measurement, AnalysisPhase.INCONCLUSIVE, "no data: " + noData.reason());
    }
    return new Judged(measurement, AnalysisPhase.SUCCESSFUL, "baseline, for the judge");
  }
}
