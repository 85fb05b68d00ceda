package dev.sextant.core.compat.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expected value here is pip's own answer, written by generate.py: packaging 26.2's
 * parse_wheel_filename and sys_tags, and pip's Wheel.support_index_min.
 */
class AgreesWithPipTest {
  private static final Map<String, List<String>> TAGS = new HashMap<>();

  private static List<String> tags(String environment) {
    return TAGS.computeIfAbsent(environment, Fixtures::tags);
  }

  static Stream<Arguments> matches() {
    return Fixtures.rows("matches.tsv").stream()
        .map(row -> Arguments.of(row[0], row[1], row[2], row[3]));
  }

  static Stream<Arguments> filenames() {
    return Fixtures.rows("filenames.tsv").stream()
        .map(row -> Arguments.of(row[0], Arrays.copyOfRange(row, 1, row.length)));
  }

  @ParameterizedTest(name = "{0}: {1} → {3}")
  @MethodSource("matches")
  void the_best_tag_is_the_one_pip_ranks_the_wheel_by(
      String environment, String file, String index, String tag) {
    Optional<TagMatch> match = WheelTags.of(WheelFilename.parse(file)).bestIn(tags(environment));
    if (index.equals("-")) {
      assertThat(match).isEmpty();
    } else {
      assertThat(match)
          .hasValueSatisfying(
              best -> {
                assertThat(best.index()).isEqualTo(Integer.parseInt(index));
                assertThat(best.tag()).hasToString(tag);
              });
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("matches")
  void the_validator_meets_exactly_where_pip_installs(
      String environment, String file, String index, String tag) {
    Constraint constraint = new WheelValidator().prepare(WheelRequirements.wheel(file));
    Finding finding = constraint.evaluate(Fixtures.fingerprint(environment));
    assertThat(finding.met()).isEqualTo(!index.equals("-"));
    assertThat(finding.reason()).contains(index.equals("-") ? "pip would refuse" : tag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filenames")
  void filenames_read_as_packaging_reads_them(String file, String[] expected) {
    if (expected[0].equals("invalid")) {
      assertThatThrownBy(() -> WheelFilename.parse(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a wheel file name");
      return;
    }
    WheelFilename wheel = WheelFilename.parse(file);
    assertThat(wheel.distribution()).isEqualTo(expected[0]);
    assertThat(wheel.version()).isEqualTo(expected[1]);
    assertThat(wheel.build().map(Object::toString).orElse("-")).isEqualTo(expected[2]);
    assertThat(wheel.tags()).map(WheelTag::toString).containsExactly(expected[3].split(","));
  }

  @Test
  void there_are_enough_cases_from_pip() {
    assertThat(Fixtures.rows("matches.tsv")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(Fixtures.rows("matches.tsv").stream().filter(row -> !row[2].equals("-")))
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(Fixtures.rows("filenames.tsv")).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void the_tag_lists_are_the_environments_they_are_named_for() {
    assertThat(tags("cp311-manylinux_2_35_x86_64"))
        .startsWith("cp311-cp311-manylinux_2_35_x86_64")
        .contains("cp311-cp311-manylinux1_x86_64", "cp38-abi3-manylinux2010_x86_64")
        .endsWith("py30-none-any");
    assertThat(tags("cp311-manylinux_2_34_x86_64"))
        .startsWith("cp311-cp311-manylinux_2_34_x86_64")
        .doesNotContain("cp311-cp311-manylinux_2_35_x86_64");
    assertThat(tags("cp311-manylinux_2_26_aarch64"))
        .startsWith("cp311-cp311-manylinux_2_26_aarch64")
        .contains("cp311-cp311-manylinux2014_aarch64")
        .doesNotContain("cp311-cp311-manylinux_2_16_aarch64");
    assertThat(tags("cp311-musllinux_1_2_x86_64"))
        .startsWith("cp311-cp311-musllinux_1_2_x86_64")
        .noneMatch(tag -> tag.contains("manylinux"));
  }
}
