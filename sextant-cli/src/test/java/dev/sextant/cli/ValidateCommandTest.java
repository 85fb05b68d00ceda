package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code sextant validate}: the examples pass, and every malformed input fails with its place. */
class ValidateCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path CORPUS = Path.of("..", "sextant-core", "src", "test", "resources", "malformed");

  @TempDir Path home;

  @Test
  void the_examples_are_valid() {
    Cli.Result result = Cli.withHome(home).run("validate", "-f", EXAMPLES.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("valid: 25 resources in 25 files");
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void json_output_lists_resources_with_digests() throws Exception {
    Cli.Result result =
        Cli.withHome(home)
            .run("validate", "-f", EXAMPLES.resolve("services").toString(), "-o", "json");

    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("resources")).hasSize(3);
    assertThat(json.at("/resources/0/digest").asText()).matches("sha256:[0-9a-f]{64}");
  }

  /** Every file of the reader's corpus, with the position its expectations table gives. */
  static Stream<Arguments> corpus() throws IOException {
    return Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("\t"))
        .map(cells -> Arguments.of(cells[0], cells[1] + ":" + cells[2]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void a_malformed_file_exits_1_with_file_line_and_column(String file, String position) {
    Path path = CORPUS.resolve(file);

    Cli.Result result = Cli.withHome(home).run("validate", "-f", path.toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    List<String> lines = result.err().lines().toList();
    assertThat(lines.get(0)).startsWith(path + ":" + position + ": ");
    assertThat(lines).last().asString().endsWith("nothing was changed");
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void a_missing_file_and_an_empty_directory_are_reported() throws Exception {
    Path empty = Files.createDirectory(home.resolve("empty"));

    Cli.Result result =
        Cli.withHome(home).run("validate", "-f", "no/such.yaml", "-f", empty.toString());

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("no/such.yaml: no such file or directory")
        .contains(empty + ": directory holds no .yaml, .yml or .json files");
  }

  @Test
  void a_file_over_the_size_limit_is_refused_without_reading_it_whole() throws Exception {
    Path big = home.resolve("big.yaml");
    Files.write(big, new byte[3 << 20]);

    Cli.Result result = Cli.withHome(home).run("validate", "-f", big.toString());

    assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains(
            big
                + ":1:1: file is 3,145,728 bytes; expected at most 1,048,576 bytes (1.0 MiB) per file");
  }
}
