package dev.sextant.core.analysis.judge;

import dev.sextant.core.analysis.judge.MetricResult.Comparison;
import dev.sextant.core.analysis.judge.MetricResult.SampleSummary;
import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Judge.Direction;
import dev.sextant.core.resource.spec.Judge.EffectSize;
import dev.sextant.core.resource.spec.Judge.JudgedMetric;
import dev.sextant.core.resource.spec.Judge.NanStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Classifies one metric as Kayenta's MannWhitneyClassifier does: NaNs and outliers handled, then
 * high or low only when the whole confidence interval of the shift lies beyond the tolerance band
 * (± tolerance × |estimate|), the ratio of means reaches the effect size, and the direction counts.
 */
final class MetricClassifier {
  private MetricClassifier() {}

  static MetricResult classify(Judge judge, JudgedMetric metric, MetricSamples samples) {
    double[] baseline = cleaned(samples.baseline(), metric);
    double[] canary = cleaned(samples.canary(), metric);
    SampleSummary baselineSummary = summary(samples.baseline().size(), baseline);
    SampleSummary canarySummary = summary(samples.canary().size(), canary);
    Outcome outcome = outcome(judge, metric, baseline, canary);
    boolean failsRun =
        outcome.classification() != Classification.PASS
            && (metric.critical()
                || (metric.mustHaveData() && outcome.classification() == Classification.NODATA));
    return new MetricResult(
        metric.name(),
        outcome.classification(),
        metric.critical(),
        failsRun,
        baselineSummary,
        canarySummary,
        outcome.comparison(),
        outcome.reason());
  }

  private record Outcome(
      Classification classification, Optional<Comparison> comparison, String reason) {
    static Outcome untested(Classification classification, String reason) {
      return new Outcome(classification, Optional.empty(), reason);
    }
  }

  private static Outcome outcome(
      Judge judge, JudgedMetric metric, double[] baseline, double[] canary) {
    // An empty series is no data even when NaNs count as zero: Prometheus' empty result is not 0.
    if (baseline.length == 0 || canary.length == 0) {
      String missing =
          baseline.length == 0 && canary.length == 0
              ? "canary and baseline"
              : baseline.length == 0 ? "baseline" : "canary";
      String required = metric.mustHaveData() ? ", and the metric must have data" : "";
      return Outcome.untested(Classification.NODATA, "no " + missing + " data" + required);
    }
    if (Arrays.equals(sorted(canary), sorted(baseline))) {
      return Outcome.untested(Classification.PASS, "canary and baseline measured the same values");
    }
    double[] pooled = concat(canary, baseline);
    if (MannWhitney.distinct(pooled) == 1) {
      return Outcome.untested(Classification.PASS, "every measurement is " + Figures.of(pooled[0]));
    }
    Judge.MannWhitney settings = judge.mannWhitney();
    MannWhitney.Shift shift = MannWhitney.test(canary, baseline, settings.confidence());
    double baselineMean = mean(baseline);
    double canaryMean = mean(canary);
    OptionalDouble ratio =
        baselineMean == 0 ? OptionalDouble.empty() : OptionalDouble.of(canaryMean / baselineMean);
    Comparison comparison =
        new Comparison(shift.pValue(), shift.estimate(), shift.lower(), shift.upper(), ratio);
    Classification classification = classification(judge, metric, shift, ratio);
    String reason =
        describe(classification)
            + ": canary mean "
            + Figures.of(canaryMean)
            + " vs baseline "
            + Figures.of(baselineMean)
            + (ratio.isPresent() ? " (ratio " + Figures.of(ratio.getAsDouble()) + ")" : "")
            + ", shift "
            + Figures.of(shift.estimate())
            + " in ["
            + Figures.of(shift.lower())
            + ", "
            + Figures.of(shift.upper())
            + "] at "
            + Figures.of(settings.confidence() * 100)
            + "%, p="
            + Figures.of(shift.pValue());
    return new Outcome(classification, Optional.of(comparison), reason);
  }

  // When the baseline's mean is 0 the ratio is undefined, and the interval alone decides (Kayenta:
  // an error count that rises from nothing is high).
  private static Classification classification(
      Judge judge, JudgedMetric metric, MannWhitney.Shift shift, OptionalDouble ratio) {
    double band = judge.mannWhitney().tolerance() * Math.abs(shift.estimate());
    EffectSize effect = judge.effectSize(metric);
    boolean higher =
        metric.direction() != Direction.DECREASE
            && shift.lower() > band
            && (ratio.isEmpty() || ratio.getAsDouble() >= effect.allowedIncrease());
    if (higher) {
      return Classification.HIGH;
    }
    boolean lower =
        metric.direction() != Direction.INCREASE
            && shift.upper() < -band
            && (ratio.isEmpty() || ratio.getAsDouble() <= effect.allowedDecrease());
    return lower ? Classification.LOW : Classification.PASS;
  }

  private static String describe(Classification classification) {
    return switch (classification) {
      case HIGH -> "high";
      case LOW -> "low";
      case PASS -> "no significant change in the direction judged";
      case NODATA -> "no data";
    };
  }

  // NaNs removed or read as 0, then outliers removed when asked, as Kayenta transforms a metric.
  private static double[] cleaned(List<Double> samples, JudgedMetric metric) {
    boolean zero = metric.nanStrategy() == NanStrategy.REPLACE;
    double[] values =
        samples.stream()
            .mapToDouble(Double::doubleValue)
            .map(v -> Double.isNaN(v) && zero ? 0 : v)
            .filter(v -> !Double.isNaN(v))
            .toArray();
    return metric.outliers().remove() ? Iqr.remove(values, metric.outliers().factor()) : values;
  }

  private static SampleSummary summary(int taken, double[] kept) {
    OptionalDouble mean = kept.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean(kept));
    return new SampleSummary(kept.length, taken - kept.length, mean);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
