package dev.sextant.core.analysis.judge;

import java.util.Arrays;
import org.hipparchus.stat.StatUtils;

/**
 * Outliers by Tukey's fences, as Kayenta's IQRDetector finds them: values below Q1 − factor × IQR
 * or above Q3 + factor × IQR, with the quartiles of Hipparchus' default (legacy) percentile
 * estimate, as Commons Math's that Kayenta uses. The judge widens the fences to at least the 1st
 * and 99th percentiles (Kayenta's reduced sensitivity), so a short series keeps its extremes.
 */
final class Iqr {
  private Iqr() {}

  /** Which values are outliers; the judge's fences when {@code reduceSensitivity}. */
  static boolean[] outliers(double[] values, double factor, boolean reduceSensitivity) {
    boolean[] outliers = new boolean[values.length];
    if (values.length == 0) {
      return outliers;
    }
    double q1 = StatUtils.percentile(values, 25);
    double q3 = StatUtils.percentile(values, 75);
    double low = q1 - factor * (q3 - q1);
    double high = q3 + factor * (q3 - q1);
    if (reduceSensitivity) {
      low = Math.min(low, StatUtils.percentile(values, 1));
      high = Math.max(high, StatUtils.percentile(values, 99));
    }
    for (int i = 0; i < values.length; i++) {
      outliers[i] = values[i] < low || values[i] > high;
    }
    return outliers;
  }

  /** The values without the outliers the judge's fences find, in their order. */
  static double[] remove(double[] values, double factor) {
    boolean[] outliers = outliers(values, factor, true);
    double[] kept = new double[values.length];
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      if (!outliers[i]) {
        kept[count++] = values[i];
      }
    }
    return Arrays.copyOf(kept, count);
  }
}
