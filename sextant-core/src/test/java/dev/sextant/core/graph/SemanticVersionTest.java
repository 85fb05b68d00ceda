package dev.sextant.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

  @Test
  void versions_order_by_precedence_as_semver_2_defines_it() {
    // The list from the specification's §11, plus numbers that sort wrongly as text.
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.9.0",
            "1.10.0",
            "2.0.0");

    List<String> sorted =
        Stream.of(
                ordered.get(7),
                ordered.get(0),
                ordered.get(10),
                ordered.get(5),
                ordered.get(8),
                ordered.get(4),
                ordered.get(1),
                ordered.get(9),
                ordered.get(6),
                ordered.get(3),
                ordered.get(2))
            .map(SemanticVersion::parse)
            .sorted()
            .map(SemanticVersion::toString)
            .toList();

    assertThat(sorted).isEqualTo(ordered);
  }

  @Test
  void build_metadata_is_kept_as_written_but_ignored_in_precedence() {
    SemanticVersion a = SemanticVersion.parse("1.2.3-rc.1+build.5");

    assertThat(a.toString()).isEqualTo("1.2.3-rc.1+build.5");
    assertThat(a.preRelease()).containsExactly("rc", "1");
    assertThat(a.build()).containsExactly("build", "5");
    assertThat(a.compareTo(SemanticVersion.parse("1.2.3-rc.1+build.6"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.2", "v1.2.3", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3.4", "", " 1.2.3", "x.y.z"})
  void anything_else_is_refused_with_what_was_expected(String text) {
    assertThatThrownBy(() -> SemanticVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "'" + text + "' is not a semantic version; expected MAJOR.MINOR.PATCH");
  }
}
