package dev.sextant.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleOptionsTest {

  @Test
  void no_flags_give_a_healthy_fast_service_on_8080_with_the_default_version() throws Exception {
    assertThat(SampleOptions.parse(new String[0], "0.1.0"))
        .isEqualTo(
            new SampleOptions(
                8080,
                "0.1.0",
                0.0,
                OptionalLong.empty(),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO));
  }

  @Test
  void every_flag_is_read_in_either_form() throws Exception {
    var options =
        SampleOptions.parse(
            new String[] {
              "--port",
              "0",
              "--version=2.0.0-bad",
              "--error-rate",
              "0.25",
              "--seed=42",
              "--latency",
              "25ms",
              "--latency-jitter",
              "2s",
              "--ready-after=1m"
            },
            "dev");

    assertThat(options)
        .isEqualTo(
            new SampleOptions(
                0,
                "2.0.0-bad",
                0.25,
                OptionalLong.of(42),
                Duration.ofMillis(25),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|x|--port must be a number from 0 to 65535, not 'x'",
        "--port|65536|--port must be a number from 0 to 65535, not '65536'",
        "--error-rate|1.5|--error-rate must be from 0.0 to 1.0, not '1.5'",
        "--error-rate|-0.1|--error-rate must be from 0.0 to 1.0, not '-0.1'",
        "--error-rate|NaN|--error-rate must be from 0.0 to 1.0, not 'NaN'",
        "--seed|1.5|--seed must be a whole number, not '1.5'",
        "--latency|25|--latency must be a duration such as 25ms, 2s or 1m, not '25'",
        "--latency-jitter|1h|--latency-jitter must be a duration such as 25ms, 2s or 1m, not '1h'",
        "--ready-after|-2s|--ready-after must be a duration such as 25ms, 2s or 1m, not '-2s'",
        "--version|' '|--version must be printable text, not ' '",
        "--colour|red|unknown flag --colour",
      })
  void a_bad_value_is_refused_with_the_flag_and_the_value(
      String flag, String value, String reason) {
    assertThatThrownBy(() -> SampleOptions.parse(new String[] {flag, value}, "dev"))
        .isInstanceOf(BadFlagException.class)
        .hasMessage(reason);
  }

  @Test
  void a_flag_without_its_value_or_a_bare_word_is_refused() {
    assertThatThrownBy(() -> SampleOptions.parse(new String[] {"--latency"}, "dev"))
        .hasMessage("--latency needs a value");
    assertThatThrownBy(() -> SampleOptions.parse(new String[] {"serve", "now"}, "dev"))
        .hasMessage("unexpected argument 'serve'");
  }

  @Test
  void a_zero_duration_needs_no_unit() throws Exception {
    assertThat(SampleOptions.parse(new String[] {"--latency", "0"}, "dev").latency())
        .isEqualTo(Duration.ZERO);
  }
}
