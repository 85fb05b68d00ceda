package dev.sextant.core.document;

import static dev.sextant.core.document.MalformedCorpusTest.assertRefused;
import static dev.sextant.core.document.MalformedCorpusTest.readWithoutThrowing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed inputs too large or too repetitive to keep as files: they are built here, each with the
 * problem the reader must report for it.
 */
class GeneratedMalformedInputTest {
  private static final int DEEP = 10_000;

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of(
            "size-over-limit.yaml",
            utf8("a: " + "x".repeat(1 << 20)),
            1,
            1,
            "",
            "file is 1,048,579 bytes; expected at most 1,048,576 bytes (1.0 MiB) per file"),
        Arguments.of(
            "deep-flow-sequence.yaml",
            utf8("[".repeat(DEEP) + "]".repeat(DEEP)),
            1,
            65,
            "[0]".repeat(64),
            "document is nested deeper than the limit of 64 levels"),
        Arguments.of(
            "deep-flow-sequence-unclosed.yaml",
            utf8("[".repeat(DEEP)),
            1,
            65,
            "[0]".repeat(64),
            "document is nested deeper than the limit of 64 levels"),
        Arguments.of(
            "deep-flow-mapping.yaml",
            utf8("{a: ".repeat(DEEP) + "1" + "}".repeat(DEEP)),
            1,
            257,
            "a" + ".a".repeat(63),
            "document is nested deeper than the limit of 64 levels"),
        Arguments.of(
            "deep-block-sequence.yaml",
            utf8("- ".repeat(DEEP) + "x\n"),
            1,
            129,
            "[0]".repeat(64),
            "document is nested deeper than the limit of 64 levels"),
        Arguments.of(
            "deep-block-mapping.yaml",
            // Block nesting costs two spaces a level, so 100 levels make the point in 10 KiB.
            utf8(
                IntStream.range(0, 100)
                        .mapToObj(i -> "  ".repeat(i) + "k:\n")
                        .reduce("", String::concat)
                    + "  ".repeat(100)
                    + "v\n"),
            65,
            129,
            "k" + ".k".repeat(63),
            "document is nested deeper than the limit of 64 levels"),
        Arguments.of(
            "too-many-documents.yaml",
            utf8("---\na: 1\n".repeat(501)),
            1001,
            1,
            "",
            "file has more than 500 documents; expected at most 500"),
        Arguments.of(
            "utf32-bom.yaml",
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                "kind: Service\n".getBytes(Charset.forName("UTF-32LE"))),
            1,
            1,
            "",
            "file is UTF-32 encoded"),
        Arguments.of(
            // Past SnakeYAML's 1,024-character read window, whose offsets are not the file's.
            "control-character-far-down.yaml",
            utf8(
                IntStream.range(0, 2000)
                        .mapToObj(i -> "k" + i + ": café\n")
                        .reduce("", String::concat)
                    + "bad: x\u0007\n"),
            2001,
            7,
            "",
            "found control character U+0007"),
        Arguments.of(
            "control-character-after-emoji.yaml",
            utf8("a: \uD83D\uDE00\u0007\n"),
            1,
            5,
            "",
            "found control character U+0007"),
        Arguments.of(
            "latin1-far-down.yaml",
            concat(utf8("a: ü\n".repeat(3000) + "b: caf"), new byte[] {(byte) 0xE9, '\n'}),
            3001,
            7,
            "",
            "found byte 0xE9 (at byte offset 18006)"),
        Arguments.of(
            // Old Mac line endings: a lone CR ends a line for SnakeYAML and for our own checks.
            "cr-line-endings-invalid-escape.yaml",
            utf8("a: 1\rb: \"x\\q\"\r"),
            2,
            6,
            "",
            "unknown escape \\q"),
        Arguments.of(
            "cr-line-endings-latin1.yaml",
            concat(utf8("a: 1\rb: x"), new byte[] {(byte) 0xE9}),
            2,
            5,
            "",
            "found byte 0xE9"),
        Arguments.of(
            "crlf-line-endings-duplicate-key.yaml",
            utf8("a: 1\r\nb: 2\r\na: 3\r\n"),
            3,
            1,
            "a",
            "duplicate key \"a\" (first defined at line 1, column 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void each_generated_input_is_refused_with_its_position_field_and_reason(
      String file, byte[] bytes, int line, int column, String field, String message) {
    ReadResult result = readWithoutThrowing(file, bytes);

    assertRefused(result, file, line, column, field, message);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
