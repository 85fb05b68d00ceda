package dev.sextant.core.document;

import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
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
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML (and so JSON, which YAML contains) into trees with the position of every field.
 *
 * <p>Reading is bounded by {@link Limits}: the file's size, nesting depth, the number of aliases
 * and the number of nodes they expand to, and the number of documents; and each number by {@link
 * NumberBounds}. Bytes must be UTF-8. Every problem is reported as a {@link Problem} with a
 * position; nothing is thrown for bad input.
 */
public final class DocumentReader {
  /**
   * Where a problem about the file as a whole is reported, so that it still has a line and column.
   */
  private static final Position WHOLE_FILE = Position.of(1, 1);

  private final Limits limits;

  public DocumentReader(Limits limits) {
    this.limits = limits;
  }

  public DocumentReader() {
    this(Limits.DEFAULT);
  }

  /**
   * Reads every document of one source. Never throws for bad input: each problem comes back in the
   * result with a 1-based position (line 1, column 1 when it concerns the file as a whole).
   */
  public ReadResult read(String source, byte[] bytes) {
    if (bytes.length == 0) {
      return failed(source, WHOLE_FILE, "file is empty; expected a YAML or JSON document");
    }
    if (bytes.length > limits.maxBytes()) {
      return new ReadResult(List.of(), List.of(tooLarge(source, bytes.length, true, limits)));
    }
    // UTF-32's marks first: FF FE 00 00 also starts with UTF-16's.
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return failed(
          source,
          WHOLE_FILE,
          "file is UTF-32 encoded (it starts with a UTF-32 byte order mark); expected UTF-8");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return failed(
          source,
          WHOLE_FILE,
          "file is UTF-16 encoded (it starts with a UTF-16 byte order mark); expected UTF-8");
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
      text.flip();
      return failed(
          source,
          TextPosition.of(text, text.length()),
          String.format(
              Locale.ROOT,
              "expected UTF-8 text, found byte 0x%02X (at byte offset %d) that is not valid UTF-8 here;"
                  + " save the file as UTF-8 (was it written as Latin-1 or Windows-1252?)",
              bytes[bad] & 0xFF,
              bad));
    }
    decoder.flush(text);
    text.flip();
    String decoded = text.toString();
    int unprintable = firstUnprintable(decoded);
    if (unprintable >= 0) {
      // Checked here rather than left to SnakeYAML, whose reader reports an offset within its
      // current buffer window, not within the file.
      int c = decoded.codePointAt(unprintable);
      String hint =
          c == 0
              ? " (NUL bytes usually mean the file is UTF-16 or UTF-32 without a byte order mark)"
              : String.format(
                  Locale.ROOT,
                  " (write it as the escape \\u%04X inside a double-quoted string)",
                  c);
      return failed(
          source,
          TextPosition.of(decoded, unprintable),
          String.format(
              Locale.ROOT,
              "found control character U+%04X, which YAML does not allow; expected printable UTF-8 text%s",
              c,
              hint));
    }
    return parse(source, decoded);
  }

  private ReadResult parse(String source, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.maxBytes());
    options.setMaxAliasesForCollections(Math.max(1, limits.maxAliases()));
    // Our builder checks depth itself with a position; SnakeYAML's check is only a backstop.
    options.setNestingDepthLimit(limits.maxDepth() + 16);
    TreeBuilder builder = new TreeBuilder(source, limits);
    // The reader is kept to hand: for the few errors SnakeYAML throws without a mark, where it
    // had read up to is the best position there is.
    StreamReader reader = new StreamReader(new PairKeepingReader(text));
    Parser parser = new ParserImpl(reader, options);
    while (!builder.stopped()) {
      Event event;
      try {
        if (parser.peekEvent() == null) {
          break;
        }
        event = parser.getEvent();
      } catch (MarkedYAMLException e) {
        builder.fail(YamlErrors.problem(source, e));
        break;
      } catch (YAMLException e) {
        builder.fail(YamlErrors.problem(source, e, reader.getMark()));
        break;
      } catch (NumberFormatException e) {
        // SnakeYAML 2.3 converts an escape's hex digits without checking them when the file ends
        // right after an x, u or U escape letter, or when a U escape names more than a 32-bit
        // number.
        builder.fail(YamlErrors.badEscape(source, reader.getMark()));
        break;
      } catch (RuntimeException e) {
        // Any other failure of the library is still about this file, not a crash of ours.
        builder.fail(YamlErrors.unreadable(source, e, reader.getMark()));
        break;
      }
      builder.accept(event);
    }
    List<Problem> problems = new ArrayList<>(builder.problems());
    if (problems.isEmpty() && builder.documents().isEmpty()) {
      problems.add(
          new Problem(
              source,
              WHOLE_FILE,
              "",
              "file has no documents (only comments, blank lines or document markers); expected a YAML or JSON document"));
    }
    return new ReadResult(problems.isEmpty() ? builder.documents() : List.of(), problems);
  }

  /**
   * The problem for an input over the size limit; {@code exact} is false when the reader of a
   * stream stopped at the limit and knows only that there was more.
   */
  public static Problem tooLarge(String source, long size, boolean exact, Limits limits) {
    return new Problem(
        source,
        WHOLE_FILE,
        "",
        String.format(
            Locale.ROOT,
            "file is %s%,d bytes; expected at most %,d bytes (%s) per file (split it into several files)",
            exact ? "" : "more than ",
            exact ? size : limits.maxBytes(),
            limits.maxBytes(),
            size(limits.maxBytes())));
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

  /** The index of the first code point YAML 1.2 forbids in a stream (section 5.1), or -1. */
  private static int firstUnprintable(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean printable =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0x7E)
              || c == 0x85
              || (c >= 0xA0 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000;
      if (!printable) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
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
