package dev.sextant.core.document;

import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML (and so JSON, which YAML contains) into trees with the position of every field.
 *
 * <p>Reading is bounded by {@link Limits}: the file's size, nesting depth, the number of aliases
 * and the number of nodes they expand to, and the number of documents. Bytes must be UTF-8.
 * Every problem is reported as a {@link Problem} with a position; nothing is thrown for bad input.
 */
public final class DocumentReader {
  private final Limits limits;

  public DocumentReader(Limits limits) {
    this.limits = limits;
  }

  public DocumentReader() {
    this(Limits.DEFAULT);
  }

  public ReadResult read(String source, byte[] bytes) {
    if (bytes.length == 0) {
      return failed(source, Position.FILE, "file is empty; expected a YAML or JSON document");
    }
    if (bytes.length > limits.maxBytes()) {
      return failed(
          source,
          Position.FILE,
          "file is "
              + size(bytes.length)
              + "; the limit is "
              + size(limits.maxBytes())
              + " per file (split it into several files)");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return failed(source, Position.of(1, 1), "file is UTF-16 encoded; expected UTF-8");
    }
    int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CoderResult result = decoder.decode(in, text, true);
    if (result.isError()) {
      int bad = in.position();
      return failed(
          source,
          positionOfByte(bytes, offset, bad),
          String.format(
              Locale.ROOT,
              "invalid UTF-8: byte 0x%02X at offset %d cannot start or continue a character; expected UTF-8 text",
              bytes[bad] & 0xFF,
              bad));
    }
    decoder.flush(text);
    text.flip();
    return parse(source, text.toString());
  }

  private ReadResult parse(String source, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.maxBytes());
    options.setMaxAliasesForCollections(Math.max(1, limits.maxAliases()));
    // Our builder checks depth itself with a position; SnakeYAML's check is only a backstop.
    options.setNestingDepthLimit(limits.maxDepth() + 16);
    TreeBuilder builder = new TreeBuilder(source, limits);
    try {
      for (Event event : new Yaml(options).parse(new StringReader(text))) {
        builder.accept(event);
        if (builder.stopped()) {
          break;
        }
      }
    } catch (MarkedYAMLException e) {
      builder.fail(yamlProblem(source, e));
    } catch (ReaderException e) {
      builder.fail(
          new Problem(
              source,
              positionOfCodePoint(text, e.getPosition()),
              "",
              String.format(
                  Locale.ROOT,
                  "character U+%04X is not allowed in YAML (control characters must be escaped in a double-quoted string)",
                  e.getCodePoint())));
    } catch (YAMLException e) {
      builder.fail(new Problem(source, Position.FILE, "", "invalid YAML: " + e.getMessage()));
    }
    List<Problem> problems = new ArrayList<>(builder.problems());
    if (problems.isEmpty() && builder.documents().isEmpty()) {
      problems.add(
          new Problem(
              source,
              Position.FILE,
              "",
              "file has no documents (only comments, blank lines or document markers); expected a YAML or JSON document"));
    }
    return new ReadResult(problems.isEmpty() ? builder.documents() : List.of(), problems);
  }

  private static Problem yamlProblem(String source, MarkedYAMLException e) {
    var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Position at = mark == null ? Position.FILE : Position.of(mark.getLine() + 1, mark.getColumn() + 1);
    String reason = e.getProblem() != null ? e.getProblem() : "malformed";
    if (e.getContext() != null) {
      reason = reason + " (" + e.getContext() + ")";
    }
    return new Problem(source, at, "", "invalid YAML: " + reason);
  }

  private static ReadResult failed(String source, Position position, String message) {
    return new ReadResult(List.of(), List.of(new Problem(source, position, "", message)));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Position positionOfByte(byte[] bytes, int from, int offset) {
    int line = 1;
    int lineStart = from;
    for (int i = from; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String prefix = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return Position.of(line, prefix.codePointCount(0, prefix.length()) + 1);
  }

  private static Position positionOfCodePoint(String text, int codePointIndex) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      seen++;
    }
    return Position.of(line, column);
  }

  private static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
    if (bytes >= 1 << 10) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1 << 10));
    }
    return bytes + " bytes";
  }
}
