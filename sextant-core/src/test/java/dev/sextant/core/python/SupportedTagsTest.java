package dev.sextant.core.python;

import static dev.sextant.core.python.Platform.linux;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.python.Libc.Glibc;
import dev.sextant.core.python.Libc.Musl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SupportedTagsTest {
  /** Debian 12, x86_64, glibc 2.36, CPython 3.11: the host of the issue's acceptance. */
  private static final Interpreter REFERENCE_HOST =
      Interpreter.cpython(3, 11, linux("x86_64", new Glibc(2, 36)));

  static Stream<String> cases() {
    return TagCases.ALL.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tags_are_those_packaging_sys_tags_lists_in_the_same_order(String name) {
    assertThat(SupportedTags.computeStrings(TagCases.ALL.get(name)))
        .containsExactlyElementsOf(expected(name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void every_tag_is_unique_and_has_three_dash_separated_parts(String name) {
    List<String> tags = SupportedTags.computeStrings(TagCases.ALL.get(name));
    assertThat(tags).doesNotHaveDuplicates();
    assertThat(tags)
        .allSatisfy(tag -> assertThat(tag.split("-", -1)).hasSize(3).doesNotContain(""));
  }

  @Test
  void every_fixture_file_has_a_case() throws IOException, URISyntaxException {
    Path dir = Path.of(SupportedTagsTest.class.getResource("tags").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names =
          files
              .map(file -> file.getFileName().toString().replaceFirst("\\.txt$", ""))
              .collect(Collectors.toSet());
      assertThat(names).isEqualTo(TagCases.ALL.keySet());
    }
  }

  @Test
  void reference_host_list_starts_contains_and_ends_as_the_acceptance_says() {
    List<String> tags = SupportedTags.computeStrings(REFERENCE_HOST);
    assertThat(tags.get(0)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
    assertThat(tags).contains("cp311-abi3-manylinux2014_x86_64", "py3-none-manylinux_2_17_x86_64");
    assertThat(tags.get(tags.size() - 1)).isEqualTo("py30-none-any");
    assertThat(tags).hasSize(914);
  }

  @Test
  void reference_host_first_and_last_five() {
    List<String> tags = SupportedTags.computeStrings(REFERENCE_HOST);
    assertThat(tags.subList(0, 5))
        .containsExactly(
            "cp311-cp311-manylinux_2_36_x86_64",
            "cp311-cp311-manylinux_2_35_x86_64",
            "cp311-cp311-manylinux_2_34_x86_64",
            "cp311-cp311-manylinux_2_33_x86_64",
            "cp311-cp311-manylinux_2_32_x86_64");
    assertThat(tags.subList(tags.size() - 5, tags.size()))
        .containsExactly(
            "py34-none-any", "py33-none-any", "py32-none-any", "py31-none-any", "py30-none-any");
  }

  @Test
  void legacy_aliases_follow_right_after_the_manylinux_tag_they_stand_for() {
    List<String> tags = SupportedTags.computeStrings(REFERENCE_HOST);
    for (String[] pair :
        new String[][] {
          {"2_17", "manylinux2014"}, {"2_12", "manylinux2010"}, {"2_5", "manylinux1"}
        }) {
      for (String prefix :
          List.of(
              "cp311-cp311-",
              "cp311-abi3-",
              "cp311-none-",
              "cp32-abi3-",
              "py3-none-",
              "py30-none-")) {
        int at = tags.indexOf(prefix + "manylinux_" + pair[0] + "_x86_64");
        assertThat(at).as(prefix + pair[0]).isNotNegative();
        assertThat(tags.get(at + 1)).isEqualTo(prefix + pair[1] + "_x86_64");
      }
    }
  }

  @Test
  void platforms_run_manylinux_newest_first_then_linux_for_each_interpreter_and_abi() {
    List<String> platforms = PlatformTags.of(REFERENCE_HOST.platform());
    assertThat(platforms).hasSize(32 + 3 + 1);
    assertThat(platforms.get(0)).isEqualTo("manylinux_2_36_x86_64");
    assertThat(platforms.subList(platforms.size() - 3, platforms.size()))
        .containsExactly("manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64");
  }

  @Test
  void blocks_come_in_packaging_order_own_abi_abi3_none_older_abi3_then_pure_python() {
    List<String> tags = SupportedTags.computeStrings(REFERENCE_HOST);
    int perBlock = 36;
    assertThat(tags.get(0)).startsWith("cp311-cp311-");
    assertThat(tags.get(perBlock)).isEqualTo("cp311-abi3-manylinux_2_36_x86_64");
    assertThat(tags.get(2 * perBlock)).isEqualTo("cp311-none-manylinux_2_36_x86_64");
    assertThat(tags.get(3 * perBlock)).isEqualTo("cp310-abi3-manylinux_2_36_x86_64");
    assertThat(tags.get(12 * perBlock - 1)).isEqualTo("cp32-abi3-linux_x86_64");
    assertThat(tags.get(12 * perBlock)).isEqualTo("py311-none-manylinux_2_36_x86_64");
    assertThat(tags.get(13 * perBlock)).isEqualTo("py3-none-manylinux_2_36_x86_64");
    assertThat(tags.get(25 * perBlock - 1)).isEqualTo("py30-none-linux_x86_64");
    assertThat(tags.subList(25 * perBlock, 25 * perBlock + 3))
        .containsExactly("cp311-none-any", "py311-none-any", "py3-none-any");
  }

  @Test
  void glibc_2_17_on_x86_64_still_reaches_down_to_manylinux1() {
    List<String> platforms = PlatformTags.of(linux("x86_64", new Glibc(2, 17)));
    assertThat(platforms.get(0)).isEqualTo("manylinux_2_17_x86_64");
    assertThat(platforms.get(1)).isEqualTo("manylinux2014_x86_64");
    assertThat(platforms).contains("manylinux2010_x86_64", "manylinux1_x86_64").hasSize(13 + 3 + 1);
  }

  @Test
  void aarch64_stops_at_manylinux2014_without_the_older_aliases() {
    List<String> platforms = PlatformTags.of(linux("aarch64", new Glibc(2, 28)));
    assertThat(platforms)
        .startsWith("manylinux_2_28_aarch64")
        .endsWith("manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64")
        .noneMatch(tag -> tag.contains("manylinux2010") || tag.contains("manylinux1_"))
        .hasSize(12 + 1 + 1);
  }

  @Test
  void aarch64_on_glibc_2_17_has_just_manylinux2014_and_linux() {
    assertThat(PlatformTags.of(linux("aarch64", new Glibc(2, 17))))
        .containsExactly("manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64");
  }

  @Test
  void i686_reaches_down_to_manylinux1_like_x86_64() {
    assertThat(PlatformTags.of(linux("i686", new Glibc(2, 31))))
        .startsWith("manylinux_2_31_i686")
        .endsWith("manylinux_2_5_i686", "manylinux1_i686", "linux_i686")
        .contains("manylinux2010_i686");
  }

  @Test
  void armv8l_lists_every_armv8l_tag_before_the_armv7l_ones() {
    List<String> platforms = PlatformTags.of(linux("armv8l", new Glibc(2, 31)));
    assertThat(platforms.get(0)).isEqualTo("manylinux_2_31_armv8l");
    assertThat(platforms.indexOf("manylinux2014_armv8l"))
        .isLessThan(platforms.indexOf("manylinux_2_31_armv7l"));
    assertThat(platforms).endsWith("manylinux2014_armv7l", "linux_armv8l", "linux_armv7l");
  }

  @Test
  void soft_float_arm_gets_no_manylinux_tags() {
    assertThat(
            PlatformTags.of(
                linux("armv7l", new Glibc(2, 31), java.util.Optional.of(ElfHeader.armel()))))
        .containsExactly("linux_armv7l");
  }

  @Test
  void musl_1_1_lists_musllinux_down_to_1_0_then_linux() {
    assertThat(PlatformTags.of(linux("x86_64", new Musl(1, 1))))
        .containsExactly("musllinux_1_1_x86_64", "musllinux_1_0_x86_64", "linux_x86_64");
  }

  @Test
  void musl_1_2_on_aarch64() {
    List<String> tags =
        SupportedTags.computeStrings(Interpreter.cpython(3, 12, linux("aarch64", new Musl(1, 2))));
    assertThat(tags.get(0)).isEqualTo("cp312-cp312-musllinux_1_2_aarch64");
    assertThat(tags).noneMatch(tag -> tag.contains("manylinux"));
    assertThat(tags).contains("cp312-abi3-musllinux_1_0_aarch64", "py3-none-linux_aarch64");
  }

  @Test
  void abi3_reaches_down_to_cp32_from_each_version() {
    for (int minor : new int[] {8, 9, 12, 13}) {
      Set<String> abi3 =
          abi3Interpreters(Interpreter.cpython(3, minor, linux("x86_64", new Glibc(2, 31))));
      Set<String> expected = new HashSet<>();
      for (int older = minor; older >= 2; older--) {
        expected.add("cp3" + older);
      }
      assertThat(abi3).as("3." + minor).isEqualTo(expected);
    }
  }

  @Test
  void python_3_13_puts_its_own_abi3_before_cp312_abi3() {
    List<String> tags =
        SupportedTags.computeStrings(Interpreter.cpython(3, 13, linux("x86_64", new Glibc(2, 39))));
    assertThat(tags.indexOf("cp313-abi3-linux_x86_64"))
        .isLessThan(tags.indexOf("cp313-none-manylinux_2_39_x86_64"));
    assertThat(tags.indexOf("cp313-none-linux_x86_64"))
        .isLessThan(tags.indexOf("cp312-abi3-manylinux_2_39_x86_64"));
  }

  @Test
  void free_threaded_build_takes_abi3t_instead_of_abi3() {
    Interpreter cp313t =
        Interpreter.cpython(3, 13, BuildConfig.freeThreaded(), linux("x86_64", new Glibc(2, 39)));
    List<String> tags = SupportedTags.computeStrings(cp313t);
    assertThat(cp313t.abi()).isEqualTo("cp313t");
    assertThat(tags.get(0)).isEqualTo("cp313-cp313t-manylinux_2_39_x86_64");
    assertThat(tags).noneMatch(tag -> tag.contains("-abi3-")).contains("cp32-abi3t-linux_x86_64");
  }

  @Test
  void debug_build_prefers_its_d_abi_then_loads_release_extensions() {
    Interpreter debug =
        Interpreter.cpython(3, 11, BuildConfig.debug(), linux("x86_64", new Glibc(2, 36)));
    assertThat(debug.abis()).containsExactly("cp311d", "cp311");
    List<String> tags = SupportedTags.computeStrings(debug);
    assertThat(tags.get(0)).isEqualTo("cp311-cp311d-manylinux_2_36_x86_64");
    assertThat(tags.get(36)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
  }

  @Test
  void python_3_7_keeps_the_pymalloc_m_flag() {
    assertThat(Interpreter.cpython(3, 7, linux("x86_64", new Glibc(2, 28))).abis())
        .containsExactly("cp37m");
  }

  @Test
  void pypy_lists_its_own_abi_then_none_then_pp3_none_any() {
    Interpreter pypy =
        new Interpreter(
            Implementation.PYPY,
            new PythonVersion(3, 10),
            List.of("pypy310_pp73"),
            linux("x86_64", new Glibc(2, 35)));
    List<String> tags = SupportedTags.computeStrings(pypy);
    assertThat(tags.get(0)).isEqualTo("pp310-pypy310_pp73-manylinux_2_35_x86_64");
    assertThat(tags)
        .contains("pp310-none-linux_x86_64", "pp3-none-any")
        .noneMatch(tag -> tag.contains("abi3"));
  }

  @Test
  void unknown_libc_leaves_only_the_linux_tag() {
    assertThat(PlatformTags.of(linux("x86_64", Libc.UNKNOWN))).containsExactly("linux_x86_64");
  }

  @Test
  void windows_has_one_platform_tag() {
    assertThat(PlatformTags.of(Platform.windows("win-amd64"))).containsExactly("win_amd64");
    assertThat(PlatformTags.of(Platform.windows("win32"))).containsExactly("win32");
  }

  @Test
  void macos_arm64_runs_from_its_release_down_to_11_then_universal2_for_10_x() {
    List<String> platforms = PlatformTags.of(Platform.macos("14.2.1", "arm64"));
    assertThat(platforms)
        .startsWith("macosx_14_0_arm64", "macosx_14_0_universal2", "macosx_13_0_arm64")
        .endsWith("macosx_10_4_universal2");
  }

  /**
   * A list written by {@code sextant-agent/src/test/python/generate_tag_fixtures.py} from
   * packaging's own {@code sys_tags()}: one tag a line, {@code #} comments.
   */
  private static List<String> expected(String name) {
    try (InputStream in = SupportedTagsTest.class.getResourceAsStream("tags/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture tags/" + name + ".txt");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> abi3Interpreters(Interpreter interpreter) {
    return SupportedTags.compute(interpreter).stream()
        .filter(tag -> tag.abi().equals("abi3"))
        .map(Tag::interpreter)
        .collect(Collectors.toSet());
  }
}
