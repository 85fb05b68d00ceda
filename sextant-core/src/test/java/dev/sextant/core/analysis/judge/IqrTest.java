package dev.sextant.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The IQR cases of Kayenta's {@code kayenta-judge/src/test/scala/.../DetectorSuite.scala}. */
class IqrTest {

  // DetectorSuite, "IQR Detection".
  @Test
  void a_value_far_above_the_upper_quartile_is_an_outlier() {
    double[] values = {21, 23, 24, 25, 50, 29, 23, 21};

    assertThat(Iqr.outliers(values, 1.5, false))
        .containsExactly(false, false, false, false, true, false, false, false);
  }

  // DetectorSuite, "IQR Detect Two Sided".
  @Test
  void outliers_are_found_on_both_sides() {
    double[] values = {1, 1, 1, 5, -1, -1, -1, -5};

    assertThat(Iqr.outliers(values, 1.5, false))
        .containsExactly(false, false, false, true, false, false, false, true);
  }

  // DetectorSuite, "IQR Reduce Sensitivity": the 99th percentile of 11 values is the largest.
  @Test
  void reduced_sensitivity_keeps_the_extremes_of_a_short_series() {
    double[] values = {1, 1, 1, 1, 1, 20, 1, 1, 1, 1, 1};

    assertThat(Iqr.outliers(values, 3, true)).containsOnly(false);
    assertThat(Iqr.outliers(values, 3, false)[5]).isTrue();
    assertThat(Iqr.remove(values, 3)).hasSize(11);
  }

  // DetectorSuite, "IQR Empty Data".
  @Test
  void nothing_is_an_outlier_of_nothing() {
    assertThat(Iqr.outliers(new double[0], 1.5, false)).isEmpty();
    assertThat(Iqr.remove(new double[0], 3)).isEmpty();
  }

  @Test
  void a_long_series_loses_its_far_outliers() {
    double[] values = new double[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = 10 + i % 5;
    }
    values[100] = 1000;

    assertThat(Iqr.remove(values, 3)).hasSize(199).doesNotContain(1000.0);
  }
}
