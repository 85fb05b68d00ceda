package dev.sextant.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRangeTest {

  @ParameterizedTest(name = "{0} includes {1}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "^2.1.0; 2.1.0; true",
        "^2.1.0; 2.9.17; true",
        "^2.1.0; 2.0.9; false",
        "^2.1.0; 3.0.0; false",
        "^2.1.0; 2.5.0-rc.1; false",
        "^0.3.1; 0.3.9; true",
        "^0.3.1; 0.4.0; false",
        "~1.4.2; 1.4.9; true",
        "~1.4.2; 1.5.0; false",
        "~1.4; 1.4.0; true",
        ">=1.2.0 <2.0.0; 1.9.9; true",
        ">=1.2.0 <2.0.0; 2.0.0; false",
        ">= 1.2.0 < 2.0.0; 1.3.0; true",
        "^1.0.0 || ^3.0.0; 1.7.0; true",
        "^1.0.0 || ^3.0.0; 2.0.0; false",
        "^1.0.0 || ^3.0.0; 3.1.0; true",
        "1.2.3 - 2.0.0; 2.0.0; true",
        "2.x; 2.7.1; true",
        "*; 9.0.0; true",
        "^3.0.0-rc.1; 3.0.0-rc.2; true"
      })
  void npm_ranges_include_what_npm_would(String range, String version, boolean included) {
    assertThat(ApiRange.parse(range).includes(SemanticVersion.parse(version))).isEqualTo(included);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "abc",
        "^x.y",
        ">=1.2.0 <",
        "^2.1.0 || oops",
        "1.2.3.4",
        "=> 1.0.0",
        "^2.1.0 ||"
      })
  void what_is_not_a_range_is_refused_rather_than_read_in_part(String range) {
    assertThatThrownBy(() -> ApiRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            range.isBlank()
                ? "an npm version range is empty"
                : "\"" + range.strip() + "\" is not an npm version range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^2.1.0", ">=1.2.0 <2.0.0", "^1.0.0 || ^2.0.0"})
  void a_range_reads_as_written(String range) {
    assertThat(ApiRange.parse(range)).hasToString(range).isEqualTo(ApiRange.parse(range));
  }
}
