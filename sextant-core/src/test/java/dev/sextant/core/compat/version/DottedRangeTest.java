package dev.sextant.core.compat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dotted ranges on the versions drivers, kernels, glibc and CUDA report. */
class DottedRangeTest {

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // NVIDIA drivers: CUDA 12.4 needs >= 550.54.14 on Linux
        ">=550.54.14; 550.54.15; true",
        ">=550.54.14; 550.54.14; true",
        ">=550.54.14; 555.42.06; true",
        ">=550.54.14; 535.104.05; false",
        ">=535.104.05; 535.104.5; true",
        ">=535.54.03; 535.104.05; true",
        "<550; 535.104.05; true",
        "<550; 550.54.15; false",
        ">=525.60.13,<560; 550.54.15; true",
        ">=525.60.13,<560; 560.28.03; false",
        // kernels: the suffix after the numbers is a build or distribution label
        ">=6.1; 6.1.112-122.189.amzn2023.x86_64; true",
        "<6; 6.1.112-122.189.amzn2023.x86_64; false",
        "<6; 5.15.0-112-generic; true",
        ">=5.15.0,<5.16; 5.15.0-112-generic; true",
        "==6.1.*; 6.1.0-26-cloud-arm64; true",
        "==6.1.*; 6.10.3; false",
        "!=6.1.*; 6.2.0; true",
        "==6.1.112; 6.1.112-122.amzn; true",
        "6.1.112; 6.1.112-122.amzn; true",
        "=6.1.112; 6.1.112; true",
        // glibc and CUDA
        ">=2.28; 2.36; true",
        ">=2.28; 2.17; false",
        ">2.35; 2.35; false",
        "<=12.4; 12.4; true",
        "<=12.4; 12.5; false",
        "==12; 12.0; true",
        "!=12.2; 12.2.0; false",
        // a leading v, and text that has no number
        ">=1.2; v1.10; true",
        ">=0; unknown; false",
        ">=0; ''; false",
      })
  void compares_the_leading_dotted_numbers(String range, String version, boolean expected) {
    assertThat(DottedRange.parse(range).contains(version)).isEqualTo(expected);
  }

  @Test
  void segments_ignore_leading_zeros_and_stop_at_the_first_other_character() {
    assertThat(DottedRange.segments("535.104.05")).containsExactly(535, 104, 5);
    assertThat(DottedRange.segments("6.1.112-122.amzn")).containsExactly(6, 1, 112);
    assertThat(DottedRange.segments("1.2.3.4.5.6")).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(DottedRange.segments("12.")).containsExactly(12);
    assertThat(DottedRange.segments("x86")).isNull();
    assertThat(DottedRange.segments("99999999999999999999")).isNull();
  }

  @Test
  void describes_in_words_and_prints_as_written() {
    DottedRange range = DottedRange.parse(">=550.54.14, <560");
    assertThat(range.describe()).isEqualTo("at least 550.54.14 and below 560");
    assertThat(range).hasToString(">=550.54.14, <560");
    assertThat(DottedRange.parse("==6.1.*").describe()).isEqualTo("any 6.1.*");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "''; is empty",
        ">=; expected dotted numbers",
        ">=abc; expected dotted numbers",
        ">=550.54.14rc1; expected dotted numbers",
        ">=1..2; expected dotted numbers",
        ">=550.54.14,; expected dotted numbers",
        "~=2.2; which is PEP 440",
        ">=6.*; only == and != allow",
      })
  void bad_ranges_say_what_is_wrong(String range, String problem) {
    assertThatThrownBy(() -> DottedRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
