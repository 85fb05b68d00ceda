package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "535.104.05, 550.54.15",
    "535.54.15, 535.104.05",
    "9, 10",
    "2.9, 2.10",
    "12.1, 12.2",
    "11.8, 12.0",
    "7.5, 8.0",
    "8.9, 9.0",
    "2.17, 2.36",
    "3.9.18, 3.11.2",
    "3.13.0rc1, 3.13.0",
    "3.13.0a1, 3.13.0b1",
    "3.13.0b1, 3.13.0rc1",
    "1.0-rc1, 1.0.1",
    "6.1.0-17-amd64, 6.1.0-18-amd64",
    "5.15.0, 6.1.0-18-amd64",
    "17.0.9, 17.0.10",
    "17.0.10, 21",
    "99999999999999999999, 100000000000000000000",
    "2.36-9+deb12u3, 2.36-9+deb12u4"
  })
  void the_first_is_older(String older, String newer) {
    assertThat(Versions.compare(older, newer)).isNegative();
    assertThat(Versions.compare(newer, older)).isPositive();
    assertThat(Versions.atLeast(newer, older)).isTrue();
    assertThat(new Fact.Version(older)).isLessThan(new Fact.Version(newer));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "535.104.05, 535.104.05",
    "535.104.05, 535.104.5",
    "12, 12.0",
    "12, 12.0.0",
    "3.11, 3.11.0",
    "1.0RC1, 1.0rc1",
    "1_2, 1.2"
  })
  void these_compare_equal(String a, String b) {
    assertThat(Versions.compare(a, b)).isZero();
    assertThat(Versions.compare(b, a)).isZero();
  }

  @Test
  void sorting_orders_driver_versions_as_numbers_not_text() {
    List<String> versions =
        new ArrayList<>(
            List.of("550.54.15", "535.104.05", "470.223.02", "535.54.03", "525.125.06"));
    versions.sort(Versions.ORDER);
    assertThat(versions)
        .containsExactly("470.223.02", "525.125.06", "535.54.03", "535.104.05", "550.54.15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "1. 2", "535.104.05\n"})
  void blank_text_or_white_space_is_not_a_version(String text) {
    assertThatThrownBy(() -> Versions.check(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
