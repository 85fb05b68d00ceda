package dev.sextant.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsTest {

  @ParameterizedTest
  @CsvSource({"0.0, 0", "0.01, 1", "0.1, 10", "0.25, 25", "0.29, 29", "0.5, 50", "1.0, 100"})
  void without_a_seed_exactly_the_rate_of_the_first_hundred_requests_fail(
      double rate, long failures) {
    var faults = faults(rate, OptionalLong.empty(), Duration.ZERO, Duration.ZERO);

    assertThat(LongStream.rangeClosed(1, 100).filter(faults::fails).count()).isEqualTo(failures);
  }

  @Test
  void without_a_seed_the_failures_are_spread_evenly() {
    var faults = faults(0.25, OptionalLong.empty(), Duration.ZERO, Duration.ZERO);

    assertThat(LongStream.rangeClosed(1, 12).filter(faults::fails).toArray())
        .containsExactly(4, 8, 12);
  }

  @Test
  void the_pattern_holds_far_past_where_a_plain_product_would_overflow() {
    var faults = faults(0.5, OptionalLong.empty(), Duration.ZERO, Duration.ZERO);
    long far = Long.MAX_VALUE / 1000;

    assertThat(faults.fails(far)).isNotEqualTo(faults.fails(far + 1));
    assertThat(faults.fails(far + 1)).isNotEqualTo(faults.fails(far + 2));
  }

  @Test
  void with_a_seed_the_same_seed_gives_the_same_failures_near_the_rate() {
    List<Boolean> first = draws(7);
    List<Boolean> again = draws(7);
    List<Boolean> other = draws(8);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.stream().filter(f -> f).count()).isBetween(2_700L, 3_300L);
  }

  @Test
  void the_delay_is_the_latency_plus_at_most_the_jitter() {
    var fixed = faults(0, OptionalLong.empty(), Duration.ofMillis(25), Duration.ZERO);
    var jittered = faults(0, OptionalLong.of(1), Duration.ofMillis(25), Duration.ofMillis(10));
    var delays = new ArrayList<Duration>();
    for (int i = 0; i < 1000; i++) {
      delays.add(jittered.delay());
    }

    assertThat(fixed.delay()).isEqualTo(Duration.ofMillis(25));
    assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(ms(25), ms(35)));
    // spread over the range, not stuck at one end
    assertThat(delays).anySatisfy(d -> assertThat(d).isLessThan(ms(27)));
    assertThat(delays).anySatisfy(d -> assertThat(d).isGreaterThan(ms(33)));
  }

  private static List<Boolean> draws(long seed) {
    var faults = faults(0.3, OptionalLong.of(seed), Duration.ZERO, Duration.ZERO);
    var draws = new ArrayList<Boolean>();
    for (long n = 1; n <= 10_000; n++) {
      draws.add(faults.fails(n));
    }
    return draws;
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static Faults faults(double rate, OptionalLong seed, Duration latency, Duration jitter) {
    return new Faults(new SampleOptions(0, "t", rate, seed, latency, jitter, Duration.ZERO));
  }
}
