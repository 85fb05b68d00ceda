package dev.sextant.core.analysis.burn;

import static dev.sextant.core.analysis.burn.CounterSeries.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.core.resource.spec.BurnRate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The workbook's table for a 99.9% SLO over 30 days ("Alerting on SLOs", multiwindow,
 * multi-burn-rate alerts) on synthetic series with known answers.
 */
class BurnRateGateTest {
  private static final BurnRate.Window PAGE_FAST = window(1, 5, 14.4);
  private static final BurnRate.Window PAGE_SLOW = window(6, 30, 6);
  private static final BurnRate.Window TICKET_FAST = window(24, 120, 3);
  private static final BurnRate.Window TICKET_SLOW = window(72, 360, 1);
  private static final BurnRate WORKBOOK =
      new BurnRate(
          99.9, "error-ratio", List.of(PAGE_FAST, PAGE_SLOW, TICKET_FAST, TICKET_SLOW), null);
  private static final BurnRate PAGES =
      new BurnRate(99.9, "error-ratio", List.of(PAGE_FAST, PAGE_SLOW), null);

  @Test
  void a_constant_one_and_a_half_percent_error_ratio_burns_fifteen_times_and_pages() {
    BurnRateResult result = evaluate(WORKBOOK, CounterSeries.constant(1_500), NOW);

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    PairResult fast = result.pairs().get(0);
    assertThat(fast.longBurn().getAsDouble()).isCloseTo(15, within(1e-9));
    assertThat(fast.shortBurn().getAsDouble()).isCloseTo(15, within(1e-9));
    assertThat(result.pairs()).allMatch(PairResult::fires);
    assertThat(result.reason())
        .isEqualTo(
            "the error budget of the 99.9% SLO burns 15× over 1h and 15× over 5m, faster than"
                + " 14.4×");
  }

  @Test
  void burning_exactly_at_the_factor_does_not_fire_because_a_pair_fires_only_when_faster() {
    BurnRateResult result = evaluate(PAGES, CounterSeries.constant(1_440), NOW);

    assertThat(result.pairs().get(0).longBurn().getAsDouble()).isCloseTo(14.4, within(1e-9));
    assertThat(result.pairs().get(0).fires()).isFalse();
    assertThat(result.pairs().get(1).fires()).isTrue();
    assertThat(result.reason()).contains("over 6h", "faster than 6×");
  }

  @Test
  void a_ten_minute_spike_that_ended_fifty_minutes_ago_fills_the_long_window_but_does_not_page() {
    List<CounterSample> spike =
        CounterSeries.errorsPerMinute(
            ago -> ago >= 50 && ago < 60 ? CounterSeries.REQUESTS_PER_MINUTE : 0);

    BurnRateResult result = evaluate(PAGES, spike, NOW);

    PairResult fast = result.pairs().get(0);
    assertThat(fast.longBurn().getAsDouble()).isCloseTo(1000.0 * 10 / 60, within(1e-6));
    assertThat(fast.shortBurn().getAsDouble()).isZero();
    assertThat(fast.fires()).isFalse();
    assertThat(result.pairs().get(1).longBurn().getAsDouble()).isGreaterThan(6);
    assertThat(result.pairs().get(1).fires()).isFalse();
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.budgetUsed().getAsDouble()).isCloseTo(10.0 / 43_200 / 0.001, within(1e-9));
  }

  @Test
  void the_same_spike_while_it_lasts_pages() {
    List<CounterSample> spike =
        CounterSeries.errorsPerMinute(ago -> ago < 10 ? CounterSeries.REQUESTS_PER_MINUTE : 0);

    assertThat(evaluate(PAGES, spike, NOW).verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void an_incident_pages_while_it_lasts_and_the_gate_passes_again_once_the_short_window_is_clean() {
    // 2% errors (20×) for the hour that ends 6 minutes before NOW.
    List<CounterSample> incident =
        CounterSeries.errorsPerMinute(ago -> ago >= 6 && ago < 66 ? 2_000 : 0);

    BurnRateResult during = evaluate(PAGES, incident, NOW.minus(Duration.ofMinutes(6)));
    BurnRateResult after = evaluate(PAGES, incident, NOW);

    assertThat(during.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(during.pairs().get(0).longBurn().getAsDouble()).isCloseTo(20, within(1e-9));
    assertThat(after.pairs().get(0).longBurn().getAsDouble()).isCloseTo(18, within(1e-9));
    assertThat(after.pairs().get(0).shortBurn().getAsDouble()).isZero();
    assertThat(after.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void a_budget_spent_weeks_ago_with_no_pair_firing_now_is_exhausted_and_pauses_promotions() {
    // An hour of total failure twenty days ago: 60 of 43,200 minutes against a budget of 0.1%.
    List<CounterSample> outage =
        CounterSeries.errorsPerMinute(
            ago ->
                ago >= 20 * 1440 && ago < 20 * 1440 + 60 ? CounterSeries.REQUESTS_PER_MINUTE : 0);

    BurnRateResult result = evaluate(WORKBOOK, outage, NOW);

    assertThat(result.pairs()).noneMatch(PairResult::fires);
    assertThat(result.budgetUsed().getAsDouble()).isCloseTo(60.0 / 43_200 / 0.001, within(1e-9));
    assertThat(result.verdict()).isEqualTo(Verdict.EXHAUSTED);
    assertThat(result.reason())
        .contains("99.9% SLO's error budget for 30d is spent (138.89% used)");
  }

  @Test
  void a_window_without_data_is_no_data_never_a_pass() {
    List<CounterSample> twoHours = CounterSeries.errorsPerMinute(ago -> 0, 120);

    BurnRateResult result = evaluate(PAGES, twoHours, NOW);

    assertThat(result.verdict()).isEqualTo(Verdict.NODATA);
    assertThat(result.pairs().get(0).missing()).isFalse();
    assertThat(result.pairs().get(1).longBurn()).isEmpty();
    assertThat(result.budgetUsed()).isEmpty();
    assertThat(result.reason())
        .isEqualTo("no error ratio for 6h/30m, the period 30d, so the gate cannot pass");
  }

  @Test
  void a_firing_pair_fails_even_when_another_window_has_no_data() {
    List<CounterSample> twoHours = CounterSeries.errorsPerMinute(ago -> 5_000, 120);

    assertThat(evaluate(PAGES, twoHours, NOW).verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void each_window_is_asked_once_even_when_pairs_share_it() {
    BurnRate shared =
        new BurnRate(99.9, "error-ratio", List.of(window(1, 5, 14.4), window(6, 5, 6)), null);
    List<Duration> asked = new ArrayList<>();

    BurnRateGate.evaluate(
        shared,
        w -> {
          asked.add(w);
          return OptionalDouble.of(0);
        });

    assertThat(asked)
        .containsExactly(
            Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofDays(30));
  }

  @Test
  void the_budget_each_workbook_pair_consumes_before_it_fires_matches_the_table() {
    Duration period = BurnRate.DEFAULT_PERIOD;
    assertThat(BurnRateGate.budgetConsumed(14.4, Duration.ofHours(1), period))
        .isCloseTo(0.02, within(1e-12));
    assertThat(BurnRateGate.budgetConsumed(6, Duration.ofHours(6), period))
        .isCloseTo(0.05, within(1e-12));
    assertThat(BurnRateGate.budgetConsumed(3, Duration.ofDays(1), period))
        .isCloseTo(0.10, within(1e-12));
    assertThat(BurnRateGate.budgetConsumed(1, Duration.ofDays(3), period))
        .isCloseTo(0.10, within(1e-12));
  }

  @Test
  void burning_at_fourteen_point_four_for_an_hour_spends_two_percent_of_the_period() {
    List<CounterSample> hour = CounterSeries.errorsPerMinute(ago -> ago < 60 ? 1_440 : 0);

    BurnRateResult result = evaluate(WORKBOOK, hour, NOW);

    assertThat(result.budgetUsed().getAsDouble()).isCloseTo(0.02, within(1e-9));
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.reason())
        .isEqualTo("no window pair burns faster than its factor; 2% of the 30d error budget used");
  }

  @Test
  void a_period_shorter_than_a_long_window_is_refused() {
    assertThatThrownBy(
            () -> new BurnRate(99.9, "error-ratio", List.of(TICKET_SLOW), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than the SLO period");
  }

  private static BurnRateResult evaluate(BurnRate gate, List<CounterSample> series, Instant now) {
    return BurnRateGate.evaluate(gate, window -> ErrorRatio.over(series, window, now));
  }

  private static BurnRate.Window window(int longHours, int shortMinutes, double factor) {
    return new BurnRate.Window(
        Duration.ofHours(longHours), Duration.ofMinutes(shortMinutes), factor);
  }
}
