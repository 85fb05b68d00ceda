package dev.sextant.core.analysis.judge;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * The Mann-Whitney U test of canary against baseline, with the Hodges–Lehmann estimate of the shift
 * (canary − baseline) and its confidence interval as R's {@code wilcox.test(conf.int = TRUE)}
 * computes them with its normal approximation (ties and continuity corrected), which is what
 * Kayenta classifies on. The p-value is exact for small samples without ties.
 */
final class MannWhitney {
  private static final NaturalRanking RANKING =
      new NaturalRanking(NaNStrategy.MAXIMAL, TiesStrategy.AVERAGE);
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
  private static final int EXACT_LIMIT = 50;

  private MannWhitney() {}

  /** The test's outcome: its p-value, the estimated shift and the interval around it. */
  record Shift(double pValue, double estimate, double lower, double upper) {}

  /**
   * Tests two non-empty samples that are not all one value.
   *
   * @param confidence the confidence level of the interval, e.g. 0.95
   */
  static Shift test(double[] canary, double[] baseline, double confidence) {
    double[] pooled = new double[canary.length + baseline.length];
    System.arraycopy(canary, 0, pooled, 0, canary.length);
    System.arraycopy(baseline, 0, pooled, canary.length, baseline.length);
    // Hipparchus computes the exact distribution only without ties; R, too, stops there and at 50.
    boolean exact = pooled.length <= EXACT_LIMIT && distinct(pooled) == pooled.length;
    double pValue = new MannWhitneyUTest().mannWhitneyUTest(canary, baseline, exact);
    if (distinct(canary) == 1 && distinct(baseline) == 1) {
      // Each side one value: the shift is known exactly. Kayenta adds a little noise (1e-5 of the
      // value) to get the same interval from the test; the core has no randomness.
      double shift = canary[0] - baseline[0];
      return new Shift(pValue, shift, shift, shift);
    }
    double min = min(canary) - max(baseline);
    double max = max(canary) - min(baseline);
    double quantile = STANDARD_NORMAL.inverseCumulativeProbability((1 - confidence) / 2);
    double lower = bound(canary, baseline, -quantile, min, max);
    double upper = bound(canary, baseline, quantile, min, max);
    DoubleUnaryOperator centre = shift -> standardizedRankSum(shift, canary, baseline);
    double estimate =
        Zeroin.root(centre, min, max, centre.applyAsDouble(min), centre.applyAsDouble(max));
    return new Shift(pValue, estimate, lower, upper);
  }

  // The shift at which the standardized rank sum crosses the quantile; at the extremes, as in R,
  // an end of the range of shifts (e.g. wilcox.test(1, 2:60, conf.int = TRUE)).
  private static double bound(
      double[] canary, double[] baseline, double quantile, double min, double max) {
    DoubleUnaryOperator f = shift -> standardizedRankSum(shift, canary, baseline) - quantile;
    double atMin = f.applyAsDouble(min);
    if (atMin <= 0) {
      return min;
    }
    double atMax = f.applyAsDouble(max);
    if (atMax >= 0) {
      return max;
    }
    return Zeroin.root(f, min, max, atMin, atMax);
  }

  /**
   * The rank sum of {@code canary − shift} among the baseline, centred, continuity corrected and
   * divided by its tie-corrected standard deviation (R's {@code wdiff} at quantile 0).
   *
   * @throws IllegalArgumentException when all values, once shifted, are tied
   */
  static double standardizedRankSum(double shift, double[] canary, double[] baseline) {
    int n = canary.length;
    int m = baseline.length;
    double[] pooled = new double[n + m];
    for (int i = 0; i < n; i++) {
      pooled[i] = canary[i] - shift;
    }
    System.arraycopy(baseline, 0, pooled, n, m);
    double[] ranks = RANKING.rank(pooled);
    double rankSum = 0;
    for (int i = 0; i < n; i++) {
      rankSum += ranks[i];
    }
    double centred = rankSum - n * (n + 1) / 2.0 - n * (double) m / 2;
    double correction = Math.signum(centred) * 0.5;
    double total = n + m;
    double sigma =
        Math.sqrt(n * (double) m / 12 * ((total + 1) - ties(ranks) / (total * (total - 1))));
    if (sigma == 0) {
      throw new IllegalArgumentException(
          "cannot compute a confidence interval when all observations are tied");
    }
    return (centred - correction) / sigma;
  }

  // Σ (t³ − t) over the groups of t tied ranks.
  private static double ties(double[] ranks) {
    double[] sorted = ranks.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || sorted[i] != sorted[start]) {
        double t = i - start;
        sum += t * t * t - t;
        start = i;
      }
    }
    return sum;
  }

  static long distinct(double[] values) {
    return Arrays.stream(values).distinct().count();
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
