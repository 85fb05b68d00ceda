package dev.sextant.core.resource.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "30s, PT30S",
    "5m, PT5M",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "250ms, PT0.25S",
    "2h45m30.5s, PT2H45M30.5S",
    "10us, PT0.00001S",
    "10\u00b5s, PT0.00001S",
    "10\u03bcs, PT0.00001S",
    "1ns, PT0.000000001S",
    "90m, PT1H30M",
    "2562047h, PT2562047H",
    "9223372036.854775807s, PT2562047H47M16.854775807S"
  })
  void go_durations_parse_as_go_does(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0h0m0s", "0.0001ns", "0.5ns"})
  void a_duration_of_zero_is_refused(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a positive duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5 minutes", "5min", "-5s", "1d", "s", ".5s", "5s "})
  void text_that_is_not_a_duration_is_refused(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2562048h", "9223372036.854775808s", "99999999999999999999999999s"})
  void a_duration_beyond_go_int64_nanoseconds_is_refused(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("too long");
  }
}
