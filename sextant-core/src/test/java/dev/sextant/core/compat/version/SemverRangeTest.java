package dev.sextant.core.compat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * npm ranges, with the examples of node-semver's README
 * (https://github.com/npm/node-semver#ranges).
 */
class SemverRangeTest {

  @ParameterizedTest(name = "{0} admits {1} but not {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // Comparators and sets
        ">=1.2.7; 1.2.7 1.2.8 2.5.3 1.3.9; 1.2.6 1.1.0",
        ">=1.2.7 <1.3.0; 1.2.7 1.2.8 1.2.99; 1.2.6 1.3.0 1.1.0",
        "1.2.7 || >=1.2.9 <2.0.0; 1.2.7 1.2.9 1.4.6; 1.2.8 2.0.0",
        // Pre-release tags: only on the same [major, minor, patch] as a comparator that names one
        ">1.2.3-alpha.3; 1.2.3-alpha.7 3.4.5; 3.4.5-alpha.9 1.2.3-alpha.2",
        // Hyphen ranges
        "1.2.3 - 2.3.4; 1.2.3 2.0.0 2.3.4; 1.2.2 2.3.5",
        "1.2 - 2.3.4; 1.2.0 2.3.4; 1.1.9 2.3.5",
        "1.2.3 - 2.3; 2.3.9; 2.4.0",
        "1.2.3 - 2; 2.9.9; 3.0.0",
        // X-ranges
        "*; 0.0.1 1.0.0 99.0.0; 1.0.0-rc.1",
        "1.x; 1.0.0 1.9.9; 2.0.0 0.9.9",
        "1.2.x; 1.2.0 1.2.99; 1.3.0",
        "1; 1.0.0 1.5.0; 2.0.0",
        "1.2; 1.2.0 1.2.5; 1.3.0",
        // Tilde ranges
        "~1.2.3; 1.2.3 1.2.9; 1.3.0 1.2.2",
        "~1.2; 1.2.0 1.2.9; 1.3.0",
        "~1; 1.0.0 1.9.0; 2.0.0",
        "~0.2.3; 0.2.3 0.2.9; 0.3.0",
        "~0.2; 0.2.0; 0.3.0",
        "~0; 0.0.0 0.9.9; 1.0.0",
        "~1.2.3-beta.2; 1.2.3-beta.4 1.2.3 1.2.9; 1.2.4-beta.2 1.3.0",
        // Caret ranges
        "^1.2.3; 1.2.3 1.9.9; 2.0.0 1.2.2",
        "^0.2.3; 0.2.3 0.2.9; 0.3.0",
        "^0.0.3; 0.0.3; 0.0.4",
        "^1.2.3-beta.2; 1.2.3-beta.4 1.2.3 1.9.0; 1.2.4-beta.2 2.0.0",
        "^0.0.3-beta; 0.0.3-pr.2 0.0.3; 0.0.4",
        "^1.2.x; 1.2.0 1.9.9; 2.0.0",
        "^0.0.x; 0.0.0 0.0.9; 0.1.0",
        "^0.0; 0.0.5; 0.1.0",
        "^1.x; 1.0.0 1.9.9; 2.0.0",
        "^0.x; 0.0.0 0.9.9; 1.0.0",
      })
  void ranges_mean_what_node_semver_documents(String range, String admitted, String refused) {
    SemverRange parsed = SemverRange.parse(range);
    Arrays.stream(admitted.split(" "))
        .forEach(v -> assertThat(parsed.contains(v)).as("%s in %s", v, range).isTrue());
    Arrays.stream(refused.split(" "))
        .forEach(v -> assertThat(parsed.contains(v)).as("%s not in %s", v, range).isFalse());
  }

  @Test
  void short_versions_from_tools_are_coerced() {
    assertThat(SemverRange.parse("^12.2").contains("12.4")).isTrue();
    assertThat(SemverRange.parse(">=3.0.0").contains("v3.1")).isTrue();
    assertThat(SemverRange.parse("^1.0.0").contains("not a version")).isFalse();
  }

  @Test
  void describes_the_comparators_and_prints_as_written() {
    SemverRange range = SemverRange.parse("^1.2.3 || 2.x");
    assertThat(range.describe()).contains(">=1.2.3").contains("<2.0.0").contains("or");
    assertThat(range).hasToString("^1.2.3 || 2.x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", ">=abc", "^1.2.3 junk", "^1.2.3 || junk"})
  void text_that_is_not_an_npm_range_is_refused(String text) {
    assertThatThrownBy(() -> SemverRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("npm version range")
        .hasMessageContaining("^1.2.3");
  }
}
