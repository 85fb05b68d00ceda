package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs that coverage-guided fuzzing found crashing the CLI (exit 70) or hanging it (issue 18),
 * taken from the core's fuzz corpus: each is now bad input at its line and column, and the valid
 * one among them is valid.
 */
class FuzzedInputTest {
  private static final Path CORE =
      Path.of("..", "sextant-core", "src", "test", "resources", "dev", "sextant", "core");
  private static final Path RESOURCES =
      CORE.resolve(
          "validation/ResourceParserFuzzTestInputs/any_bytes_parse_to_resources_or_to_problems");
  private static final Path FINGERPRINTS =
      CORE.resolve(
          "fingerprint/FingerprintFilesFuzzTestInputs/any_bytes_read_to_a_fingerprint_that_writes_back_or_to_problems");
  private static final String RELEASE = "../examples/releases/fraud-detector-1.4.0.yaml";
  private static final String H100 = "../fingerprints/h100.yaml";

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void an_environment_with_an_emoji_across_the_yaml_parsers_buffer_is_valid() {
    Cli.Result result =
        Cli.withHome(home)
            .run("validate", "-f", RESOURCES.resolve("emoji-environment.yaml").toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("valid: 1 resource in 1 file");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unterminated-escape-u.yaml, 4:10, escape \\u in a double-quoted string has no valid hex digits",
    "exponent-overflow.yaml,     6:16, the number 1e9999999999 is out of range",
  })
  void a_resource_that_crashed_validate_exits_1_at_its_position(
      String file, String position, String message) {
    Path path = RESOURCES.resolve(file);

    Cli.Result result = Cli.withHome(home).run("validate", "-f", path.toString());

    assertInvalidAt(result, path + ":" + position + ":", message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "memory-total-huge-exponent.yaml, 2:17, the number 1e999999999 is out of range",
    "cpu-cores-huge-exponent.yaml,    2:14, the number 1e999999999 is out of range",
    "seventy-digit-quantity.yaml,     2:17, is a number of bytes with 70 digits; expected at most 40 digits",
    "unterminated-escape-x.yaml,      2:11, escape \\x in a double-quoted string has no valid hex digits",
  })
  void a_fingerprint_that_crashed_or_hung_plan_exits_1_at_its_position(
      String file, String position, String message) {
    Path path = FINGERPRINTS.resolve(file);

    Cli.Result result =
        Cli.withHome(home)
            .run("plan", "-f", RELEASE, "--fingerprint", H100, "--fingerprint", path.toString());

    assertInvalidAt(result, path + ":" + position + ":", message);
  }

  @Test
  void a_parameter_expression_nested_1500_deep_exits_1_at_its_position() throws Exception {
    String release = Files.readString(Path.of(RELEASE));
    String written = "expr: gpu[0].memory / 2Gi";
    assertThat(release).contains(written);
    Path file =
        Files.writeString(
            files.resolve("release.yaml"),
            release.replace(
                written, "expr: \"" + "(".repeat(1500) + "1" + ")".repeat(1500) + "\""));
    List<String> lines = release.lines().toList();
    int line =
        IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).strip().equals(written))
                .findFirst()
                .orElseThrow()
            + 1;

    Cli.Result result =
        Cli.withHome(home).run("plan", "-f", file.toString(), "--fingerprint", H100);

    assertInvalidAt(
        result, file + ":" + line + ":", "more than 64 levels deep; expected at most 64");
  }

  private static void assertInvalidAt(Cli.Result result, String place, String message) {
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err()).contains(place).contains(message).doesNotContain("Exception", "\tat ");
  }
}
