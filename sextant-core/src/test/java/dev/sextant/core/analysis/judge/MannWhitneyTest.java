package dev.sextant.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * The vectors of Kayenta's {@code kayenta-mannwhitney/src/test/scala/com/netflix/kayenta/
 * mannwhitney/MannWhitneySuite.scala}, whose expected values come from R's {@code wilcox.test(x, y,
 * conf.int = TRUE)}: canary is R's x, baseline its y.
 */
class MannWhitneyTest {
  private static final double E = 1e-6;

  // MannWhitneySuite, "returns expected values" (the suite's first version).
  @Test
  void a_small_sample_gives_rs_interval_estimate_and_exact_p_value() {
    double[] baseline = {1, 2, 3, 4};
    double[] canary = {10, 20, 30, 40};

    MannWhitney.Shift shift = MannWhitney.test(canary, baseline, 0.95);

    assertThat(shift.lower()).isCloseTo(6.0, within(E));
    assertThat(shift.upper()).isCloseTo(39.0, within(E));
    assertThat(shift.estimate()).isCloseTo(22.5, within(E));
    // The suite left its p-value assertion commented out: Commons Math, which Kayenta used, gives
    // only the normal approximation (0.0304). R and Hipparchus' exact test give 2/70.
    assertThat(shift.pValue()).isCloseTo(0.02857142857142857, within(E));
    assertThat(new MannWhitneyUTest().mannWhitneyUTest(canary, baseline, false))
        .isCloseTo(0.0304, within(1e-4));
  }

  // MannWhitneySuite, "Mann-Whitney Confidence Interval & Estimate: Tie out with R Version".
  @Test
  void many_ties_give_rs_interval_to_a_millionth() {
    double[] baseline = {
      1.5, 6.0, 5.0, 2.5, 2.5, 2.0, 2.0, 3.5, 3.0, 3.0, 3.0, 2.0, 3.0, 8.0, 4.0, 2.5, 3.0, 2.5, 2.5,
      2.0, 2.5, 2.0, 2.0, 2.5, 3.5, 3.0, 1.5, 5.0, 2.5, 5.5, 2.0, 2.5, 3.5, 2.0, 2.5, 4.0, 2.0, 2.0,
      2.0, 2.0, 5.5, 4.5, 4.0, 3.0, 3.0, 3.5, 2.5, 3.0, 2.5, 4.0, 6.0, 2.0, 5.0, 6.0, 3.5, 3.0,
          54.5,
      3.0, 5.0, 6.0, 3.5, 4.5, 2.5, 2.0, 6.0, 5.0, 2.5, 3.5, 2.0, 3.0, 2.5, 3.5, 3.5, 2.5, 3.0, 4.5,
      3.0, 15.5, 5.0, 2.5, 3.0, 4.0, 3.5, 4.0, 4.0, 2.0, 4.5, 2.5, 4.0, 3.0
    };
    double[] canary = {
      2.5, 2.5, 2.0, 2.5, 3.5, 2.0, 3.5, 1.5, 3.0, 3.0, 2.5, 3.5, 2.0, 2.5, 2.0, 2.0, 5.0, 3.0, 2.0,
      1.5, 2.0, 4.0, 3.0, 2.5, 3.0, 2.0, 2.0, 2.0, 2.5, 3.5, 1.5, 1.5, 3.5, 2.0, 2.5, 2.5, 3.0, 3.5,
      2.5, 6.5, 2.5, 4.0, 2.5, 3.0, 2.5, 6.5, 2.5, 3.0, 1.5, 2.0, 2.5, 3.0, 7.5, 1.5, 2.0, 4.0, 2.5,
      2.0, 2.5, 3.5, 4.0, 2.5, 3.0, 2.5, 2.0, 3.5, 3.0, 16.5, 3.0, 3.0, 7.0, 4.5, 5.0, 2.0, 3.5,
          6.0,
      1.5, 3.0, 2.5, 4.0, 3.0, 1.5, 5.0, 3.0, 2.5, 5.5, 3.0, 1.5, 2.5, 6.0
    };

    MannWhitney.Shift shift = MannWhitney.test(canary, baseline, 0.95);

    // These ends lie on flat steps of the rank sum; only R's own root-finding steps land on R's
    // points to 1e-6 (Hipparchus' BrentSolver lands 3.5e-5 away, inside R's tolerance of 1e-4).
    assertThat(shift.lower()).isCloseTo(-0.500002521696696, within(E));
    assertThat(shift.upper()).isCloseTo(-3.486287505871302E-5, within(E));
    // The suite, too, holds the estimate only to R's tolerance.
    assertThat(shift.estimate()).isCloseTo(-0.4999393907180323, within(1e-4));
  }

  // MannWhitneySuite, "Mann-Whitney Confidence Interval & Estimate: Tie out with R Version
  // (Large)".
  @Test
  void a_large_sample_at_98_percent_gives_rs_interval() {
    double[] canary = {
      1.5, 2.0, 5.0, 1.5, 1.5, 8.5, 1.0, 1.0, 2.0, 1.0, 1.5, 0.5, 2.0, 1.5, 2.0, 1.5, 1.0, 2.5, 1.5,
      1.5, 2.0, 1.5, 1.5, 1.5, 2.0, 2.0, 1.0, 5.5, 1.5, 2.0, 1.5, 1.5, 1.0, 2.5, 1.0, 2.0, 1.5, 1.5,
      2.0, 2.0, 1.5, 1.5, 1.0, 1.0, 2.0, 0.5, 1.5, 0.5, 3.5, 1.5, 3.0, 19.0, 0.5, 1.5, 0.5, 1.5,
          2.0,
      1.5, 1.5, 1.5, 1.5, 2.0, 1.5, 2.0, 2.0, 1.5, 1.0, 1.5, 1.0, 2.0, 1.0, 2.0, 1.5, 1.5, 3.0, 2.0,
      1.5, 1.5, 0.5, 2.0, 1.5, 1.0, 2.0, 1.0, 1.0, 2.0, 1.0, 2.0, 1.5, 1.0, 1.0, 2.0, 1.5, 1.5, 1.5,
      0.5, 1.5, 1.5, 0.5, 1.0, 1.5, 1.5, 1.5, 1.0, 2.0, 2.0, 2.0, 1.5, 1.0, 1.5, 1.0, 1.0, 1.5, 3.5,
      2.0, 1.5, 1.0, 2.0, 1.5, 5.5, 0.5, 2.0, 3.5, 1.5, 1.0, 2.0, 0.5, 2.5, 1.0, 1.5, 0.5, 2.0, 2.0,
      1.0, 0.5, 1.5, 1.0, 1.5, 0.5, 0.5, 1.0, 1.5, 1.0, 1.5, 0.5, 1.5, 1.0, 1.0, 0.5, 1.0, 0.5, 4.0,
      1.0, 1.5, 2.0, 5.5, 1.5, 0.5, 2.0, 1.0, 1.5, 1.0, 1.5, 1.5, 1.0, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5,
      2.0, 0.5, 1.5, 1.0, 2.0, 1.0, 1.0, 0.5, 1.0
    };
    double[] baseline = {
      1.5, 1.5, 1.0, 2.0, 1.5, 1.5, 1.5, 2.0, 1.0, 1.0, 2.0, 1.5, 1.5, 1.0, 1.5, 1.5, 1.5, 1.5, 1.5,
      2.0, 1.0, 1.5, 3.0, 2.0, 1.0, 1.5, 1.5, 1.5, 2.0, 1.5, 1.0, 1.0, 1.5, 2.5, 2.0, 0.0, 1.0, 2.0,
      2.0, 1.5, 3.0, 2.0, 1.0, 2.5, 0.5, 1.5, 0.5, 2.5, 2.0, 1.5, 1.5, 2.0, 1.0, 4.5, 2.5, 0.5, 2.5,
      1.5, 1.5, 1.0, 2.0, 1.0, 2.5, 1.5, 2.0, 1.5, 3.0, 1.5, 1.5, 1.5, 1.5, 2.0, 1.0, 2.5, 1.0, 1.5,
      2.5, 1.5, 2.5, 2.0, 1.5, 1.5, 1.5, 2.5, 1.0, 7.5, 1.5, 3.0, 5.5, 1.0, 1.5, 2.0, 1.0, 1.5, 2.5,
      2.5, 1.0, 1.0, 2.5, 1.5, 1.5, 3.0, 4.0, 1.0, 1.5, 2.0, 1.5, 1.5, 1.5, 2.5, 1.5, 3.5, 2.5, 1.5,
      2.0, 1.0, 4.0, 1.5, 1.0, 1.5, 2.5, 2.5, 2.0, 2.5, 1.5, 1.5, 2.0, 1.0, 1.5, 2.0, 1.5, 1.0, 2.5,
      1.5, 1.5, 2.0, 2.0, 1.0, 1.5, 2.5, 0.5, 2.0, 2.5, 2.0, 1.0, 2.0, 0.5, 1.5, 1.0, 2.5, 1.0, 1.5,
      1.0, 7.0, 1.0, 3.5, 1.5, 2.0, 1.5, 1.5, 2.0, 3.0, 1.5, 1.5, 2.0, 1.5, 2.0, 1.5, 4.0, 2.0, 1.5,
      1.5, 1.5, 1.5, 1.5, 0.5, 2.0, 1.0, 1.5, 0.5
    };

    MannWhitney.Shift shift = MannWhitney.test(canary, baseline, 0.98);

    assertThat(shift.lower()).isCloseTo(-0.4999173250549087, within(E));
    assertThat(shift.upper()).isCloseTo(-6.912685789769486E-6, within(E));
    assertThat(shift.estimate()).isCloseTo(-3.45044082729315E-5, within(1e-4));
  }

  // MannWhitneySuite, "Mann-Whitney Intermediate Values / Variables": the standardized rank sum at
  // the ends of the range of shifts, against R's wdiff at quantiles ±1.96.
  @Test
  void the_standardized_rank_sum_matches_rs_at_the_ends_of_the_range() {
    double[] x = ClassifierData.ZERO_HEAVY_CANARY;
    double[] y = ClassifierData.ZERO_HEAVY_BASELINE;
    double min = -3.124999999999986;
    double max = 5.555555555555557;
    double z = 1.9599639845400536;

    assertThat(MannWhitney.standardizedRankSum(min, x, y) - z)
        .isCloseTo(17.090968923762254, within(E));
    assertThat(MannWhitney.standardizedRankSum(max, x, y) - z)
        .isCloseTo(-20.997687930433106, within(E));
    assertThat(MannWhitney.standardizedRankSum(min, x, y) + z)
        .isCloseTo(21.01089689284236, within(E));
    assertThat(MannWhitney.standardizedRankSum(max, x, y) + z)
        .isCloseTo(-17.077759961353, within(E));
  }

  @Test
  void two_constant_samples_shift_by_exactly_their_difference() {
    MannWhitney.Shift shift =
        MannWhitney.test(new double[] {5, 5, 5, 5}, new double[] {2, 2, 2, 2}, 0.95);

    assertThat(shift.estimate()).isEqualTo(3);
    assertThat(shift.lower()).isEqualTo(3);
    assertThat(shift.upper()).isEqualTo(3);
    assertThat(shift.pValue()).isLessThan(0.05);
  }
}
