package dev.sextant.core.analysis.burn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRatioTest {
  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

  @Test
  void the_ratio_is_the_increase_of_errors_over_the_increase_of_requests_in_the_window() {
    List<CounterSample> series =
        List.of(sample(0, 0, 0), sample(1, 10, 1_000), sample(2, 40, 2_000), sample(3, 40, 3_000));

    assertThat(ErrorRatio.over(series, Duration.ofMinutes(2), at(3)).getAsDouble())
        .isCloseTo(30.0 / 2_000, within(1e-12));
    assertThat(ErrorRatio.over(series, Duration.ofMinutes(1), at(3)).getAsDouble()).isZero();
  }

  @Test
  void the_window_starts_at_the_last_sample_at_or_before_its_start() {
    List<CounterSample> series = List.of(sample(0, 0, 0), sample(2, 20, 200), sample(4, 20, 400));

    // now − 1m = 3m: the window starts at the sample of minute 2, ends at minute 4.
    assertThat(ErrorRatio.over(series, Duration.ofMinutes(1), at(4)).getAsDouble()).isZero();
    // now = 3m: the last sample at or before it is minute 2.
    assertThat(ErrorRatio.over(series, Duration.ofMinutes(3), at(3)).getAsDouble())
        .isCloseTo(0.1, within(1e-12));
  }

  @Test
  void a_counter_that_restarts_from_zero_counts_its_new_value_as_prometheus_increase_does() {
    List<CounterSample> series =
        List.of(
            sample(0, 100, 10_000),
            sample(1, 150, 11_000),
            sample(2, 5, 500), // the process restarted
            sample(3, 15, 1_500));

    // errors: 50 + 5 + 10 = 65; requests: 1000 + 500 + 1000 = 2500
    assertThat(ErrorRatio.over(series, Duration.ofMinutes(3), at(3)).getAsDouble())
        .isCloseTo(65.0 / 2_500, within(1e-12));
  }

  @Test
  void a_series_that_does_not_cover_the_window_has_no_ratio() {
    List<CounterSample> series = List.of(sample(5, 0, 0), sample(6, 1, 100));

    assertThat(ErrorRatio.over(series, Duration.ofMinutes(5), at(6))).isEmpty();
    assertThat(ErrorRatio.over(List.of(), Duration.ofMinutes(5), at(6))).isEmpty();
  }

  @Test
  void a_window_without_requests_has_no_ratio_rather_than_zero() {
    List<CounterSample> series = List.of(sample(0, 3, 100), sample(5, 3, 100));

    assertThat(ErrorRatio.over(series, Duration.ofMinutes(5), at(5))).isEmpty();
  }

  @Test
  void samples_out_of_time_order_are_refused_with_where() {
    List<CounterSample> series = List.of(sample(1, 0, 0), sample(0, 0, 0));

    assertThatThrownBy(() -> ErrorRatio.over(series, Duration.ofMinutes(1), at(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample 1 at 2026-12-06T12:00:00Z comes before");
  }

  private static CounterSample sample(int minute, double errors, double total) {
    return new CounterSample(at(minute), errors, total);
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
