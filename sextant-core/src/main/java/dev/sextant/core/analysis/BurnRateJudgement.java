package dev.sextant.core.analysis;

import dev.sextant.core.analysis.burn.BurnRateResult;
import dev.sextant.core.analysis.burn.PairResult;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * A burn-rate gate's result as one measurement of its metric: the highest burn rate seen over any
 * window, judged failed when a window pair fires, inconclusive while the error budget is spent (a
 * paused rollout, for a person to decide) or a window has no data, successful otherwise.
 */
public final class BurnRateJudgement {
  private BurnRateJudgement() {}

  /** The measurement {@code result}, found at {@code at}, makes. */
  public static Judged of(Instant at, BurnRateResult result) {
    OptionalDouble highest =
        result.pairs().stream()
            .flatMapToDouble(BurnRateJudgement::burns)
            .filter(Double::isFinite)
            .max();
    Measurement measurement =
        highest.isPresent()
            ? new Measurement.Value(at, List.of(highest.getAsDouble()))
            : new Measurement.NoData(at, result.reason());
    AnalysisPhase phase =
        switch (result.verdict()) {
          case PASS -> AnalysisPhase.SUCCESSFUL;
          case FAIL -> AnalysisPhase.FAILED;
          case EXHAUSTED, NODATA -> AnalysisPhase.INCONCLUSIVE;
        };
    return new Judged(measurement, phase, result.reason());
  }

  private static DoubleStream burns(PairResult pair) {
    return DoubleStream.concat(stream(pair.longBurn()), stream(pair.shortBurn()));
  }

  private static DoubleStream stream(OptionalDouble value) {
    return value.isPresent() ? DoubleStream.of(value.getAsDouble()) : DoubleStream.empty();
  }
}
