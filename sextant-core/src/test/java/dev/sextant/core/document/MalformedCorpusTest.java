package dev.sextant.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code malformed/} is refused by the reader with the problem that {@code
 * malformed/expectations.tsv} states: its line and column, field path and (part of) its message,
 * and where the file is text, what is written at that position, so a position is checked against
 * the file rather than against a number counted by hand.
 */
class MalformedCorpusTest {
  private static final String DIR = "/malformed/";
  private static final DocumentReader READER = new DocumentReader();

  /** One row of the expectations table. */
  record Case(String file, int line, int column, String field, String message, String textAt) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> corpus() {
    return lines(resource("expectations.tsv")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(MalformedCorpusTest::parse)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void each_malformed_file_is_refused_with_its_position_field_and_reason(Case c) {
    byte[] bytes = resource(c.file());

    ReadResult result = readWithoutThrowing(c.file(), bytes);

    assertRefused(result, c.file(), c.line(), c.column(), c.field(), c.message());
    if (!c.textAt().equals("-")) {
      assertThat(textAt(bytes, c.line(), c.column()))
          .as("what %s holds at %d:%d", c.file(), c.line(), c.column())
          .startsWith(c.textAt().equals("<TAB>") ? "\t" : c.textAt());
    }
  }

  @Test
  void every_file_in_the_corpus_has_exactly_one_expectation()
      throws IOException, URISyntaxException {
    Path dir = Path.of(MalformedCorpusTest.class.getResource(DIR).toURI());
    List<String> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.equals("expectations.tsv") && !name.startsWith("."))
              .sorted()
              .toList();
    }

    List<String> expected = corpus().stream().map(Case::file).sorted().toList();

    assertThat(expected).doesNotHaveDuplicates();
    assertThat(files).isEqualTo(expected);
    assertThat(files).hasSizeGreaterThanOrEqualTo(25);
  }

  /** Refuses the input with exactly one problem, named as the CLI prints it: file:line:col. */
  static void assertRefused(
      ReadResult result, String file, int line, int column, String field, String message) {
    assertThat(result.ok()).as("ok()").isFalse();
    assertThat(result.documents()).as("documents").isEmpty();
    assertThat(result.problems()).as("problems").hasSize(1);
    Problem problem = result.problems().get(0);
    assertThat(problem.source()).isEqualTo(file);
    assertThat(problem.position())
        .as("position of: %s", problem.message())
        .isEqualTo(Position.of(line, column));
    assertThat(problem.field()).as("field").isEqualTo(field);
    assertThat(problem.message()).contains(message);
    assertThat(problem.format()).startsWith(file + ":" + line + ":" + column + ": ");
  }

  static ReadResult readWithoutThrowing(String file, byte[] bytes) {
    AtomicReference<ReadResult> result = new AtomicReference<>();
    assertThatCode(() -> result.set(READER.read(file, bytes))).doesNotThrowAnyException();
    return result.get();
  }

  private static Case parse(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length != 6) {
      throw new IllegalStateException(
          "expectations.tsv: expected 6 tab-separated cells, found " + cells.length + ": " + line);
    }
    String field = cells[3].equals("-") ? "" : cells[3];
    return new Case(
        cells[0],
        Integer.parseInt(cells[1]),
        Integer.parseInt(cells[2]),
        field,
        cells[4],
        cells[5]);
  }

  /** The text from a 1-based line and column (in code points, as the reader counts). */
  private static String textAt(byte[] bytes, int line, int column) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    String text = lines[line - 1];
    return text.substring(text.offsetByCodePoints(0, column - 1));
  }

  private static List<String> lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }

  private static byte[] resource(String name) {
    try (InputStream in = MalformedCorpusTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
