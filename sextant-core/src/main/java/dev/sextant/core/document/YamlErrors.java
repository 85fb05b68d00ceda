package dev.sextant.core.document;

import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Rewrites SnakeYAML's syntax errors for people who write resources rather than parsers: its token
 * names ({@code <block end>}, {@code '?'}) become words, the construct it was reading is named with
 * where it starts, and the position is the one a person must look at (the opening quote of an
 * unclosed string, not the end of the file).
 */
final class YamlErrors {
  private static final Pattern EXPECTED =
      Pattern.compile("expected (.+?),? but (?:found|got):? (.+)", Pattern.DOTALL);

  /** SnakeYAML shows a character with its code, as in {@code 'b'(98)}; we name it instead. */
  private static final Pattern CHARACTER_CODE =
      Pattern.compile("'.' ?\\((\\d+)\\)|.\\((\\d+)\\)", Pattern.DOTALL);

  private static final Pattern UNKNOWN_ESCAPE =
      Pattern.compile("found unknown escape character (.+)\\(\\d+\\)");
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("unexpected character found (.*)\\((\\d+)\\)", Pattern.DOTALL);
  private static final Pattern CANNOT_START =
      Pattern.compile("found character '(.+)' that cannot start any token.*");

  private static final Map<String, String> TOKENS =
      Map.ofEntries(
          Map.entry("<block end>", "the end of the indented block"),
          Map.entry("<scalar>", "a value"),
          Map.entry("the node content", "a value"),
          Map.entry("?", "a mapping key"),
          Map.entry("-", "a list item '-'"),
          Map.entry("<block mapping start>", "a mapping"),
          Map.entry("<block sequence start>", "a list"),
          Map.entry("<document start>", "'---' (the start of a document)"),
          Map.entry("<document end>", "'...' (the end of a document)"),
          Map.entry("<stream end>", "the end of the file"),
          Map.entry("<alias>", "an alias"),
          Map.entry("<anchor>", "an anchor"),
          Map.entry("<tag>", "a tag"),
          Map.entry("<directive>", "a directive"),
          Map.entry(" ", "a space"));

  private static final Map<String, String> CONSTRUCTS =
      Map.ofEntries(
          Map.entry("block mapping", "mapping"),
          Map.entry("block collection", "list"),
          Map.entry("indentless sequence", "list"),
          Map.entry("flow sequence", "list [...]"),
          Map.entry("flow mapping", "mapping {...}"),
          Map.entry("block node", "value"),
          Map.entry("flow node", "value"),
          Map.entry("node", "value"),
          Map.entry("simple key", "key"),
          Map.entry("plain scalar", "value"),
          Map.entry("quoted scalar", "quoted string"),
          Map.entry("double-quoted scalar", "double-quoted string"),
          Map.entry("block scalar", "block of text"));

  private YamlErrors() {}

  /** An error SnakeYAML raised without a position; {@code readTo} is how far it had read. */
  static Problem problem(String source, YAMLException e, Mark readTo) {
    String problem = String.valueOf(e.getMessage());
    String reason =
        problem.startsWith("A simple key is required only if it is the first token")
            ? "found a key after other content on its line; expected each 'key:' to start a line (look for a stray bracket, brace or quote)"
            : problem;
    return new Problem(source, position(readTo), "", "invalid YAML: " + reason);
  }

  /**
   * An escape whose hex digits are missing or name no character; {@code after} is SnakeYAML's
   * position just after the escape's letter.
   */
  static Problem badEscape(String source, Mark after) {
    int[] buffer = after.getBuffer();
    int pointer = after.getPointer();
    String letter =
        buffer != null && pointer > 0 && pointer <= buffer.length
            ? Character.toString(buffer[pointer - 1])
            : "x";
    Position at = Position.of(after.getLine() + 1, Math.max(1, after.getColumn() - 1));
    return new Problem(
        source,
        at,
        "",
        "invalid YAML: escape \\"
            + letter
            + " in a double-quoted string has no valid hex digits; expected \\xXX, \\uXXXX"
            + " or \\UXXXXXXXX naming a Unicode character (or use single quotes, where a backslash is an ordinary character)");
  }

  /** A failure of the YAML library itself, reported where it had read up to. */
  static Problem unreadable(String source, RuntimeException e, Mark readTo) {
    return new Problem(
        source,
        position(readTo),
        "",
        "invalid YAML: cannot be read past this point (the YAML library failed with "
            + e.getClass().getSimpleName()
            + "); expected YAML that SnakeYAML reads, so simplify the text here");
  }

  static Problem problem(String source, MarkedYAMLException e) {
    Mark problemMark = e.getProblemMark();
    Mark contextMark = e.getContextMark();
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().strip();
    Position at = position(problemMark != null ? problemMark : contextMark);
    String reason;
    Matcher m;
    if (problem.startsWith("found unexpected end of stream") && contextMark != null) {
      // The end of the file is where SnakeYAML noticed; the opening quote is what needs fixing.
      at = position(contextMark);
      reason =
          "unclosed quoted string: expected a closing "
              + quoteAt(contextMark)
              + ", found the end of the file";
      contextMark = null;
    } else if (problem.startsWith("found unexpected document separator") && contextMark != null) {
      reason =
          "unclosed quoted string: expected a closing "
              + quoteAt(contextMark)
              + ", found a document separator";
      at = position(contextMark);
      contextMark = null;
    } else if ((m = UNKNOWN_ESCAPE.matcher(problem)).matches()) {
      // SnakeYAML marks the character after the backslash; the escape starts one column earlier.
      at = Position.of(at.line(), Math.max(1, at.column() - 1));
      reason =
          "unknown escape \\"
              + m.group(1)
              + " in a double-quoted string; expected one of \\\\ \\\" \\/ \\n \\t \\r \\0 \\xXX \\uXXXX"
              + " (or use single quotes, where a backslash is an ordinary character)";
      contextMark = null;
    } else if (problem.contains("\\t(TAB)")) {
      reason = "found a tab; expected spaces (YAML does not allow tabs for indentation)";
      contextMark = null;
    } else if ((m = CANNOT_START.matcher(problem)).matches()) {
      reason =
          "found '"
              + m.group(1)
              + "', which cannot start a plain value; expected a value (quote it: \""
              + m.group(1)
              + "...\")";
      contextMark = null;
    } else if ((m = UNEXPECTED_CHARACTER.matcher(problem)).matches()) {
      reason =
          "expected letters, digits, '-' or '_' in the name, found "
              + character(Integer.parseInt(m.group(2)));
    } else if (problem.equals("could not find expected ':'") && contextMark != null) {
      // SnakeYAML notices on the next line; the line to fix is the one that lacks the ':'.
      at = position(contextMark);
      reason =
          "expected 'key: value', found text without ':' (a key and its ':' must be on one line)";
      contextMark = null;
    } else if (problem.equals("sequence entries are not allowed here")) {
      reason =
          "found a list item '-' where a list cannot start; expected it on a line of its own, indented under its key (or quote a value that starts with \"- \")";
    } else if (problem.startsWith("found undefined tag handle ")) {
      String handle = problem.substring("found undefined tag handle ".length());
      reason =
          "found undefined tag handle "
              + handle
              + "; expected a standard tag such as !!str (no %TAG directive defines "
              + handle
              + ")";
      contextMark = null;
    } else if (problem.equals("mapping keys are not allowed here")) {
      reason = "found '?' (an explicit key) where a key is not allowed; check the indentation";
    } else if (problem.equals("mapping values are not allowed here")) {
      reason =
          "found ':' where a mapping value is not allowed; check the indentation, or quote a value that contains \": \"";
    } else if ((m = EXPECTED.matcher(problem)).matches()) {
      reason = "expected " + token(m.group(1)) + ", found " + found(m.group(2));
      if (problem.contains("<block end>")) {
        reason += "; check the indentation";
      }
    } else {
      reason = namedCharacters(problem);
    }
    return new Problem(
        source, at, "", "invalid YAML: " + reason + context(e.getContext(), contextMark, at));
  }

  private static String namedCharacters(String problem) {
    return CHARACTER_CODE
        .matcher(problem)
        .replaceAll(m -> Matcher.quoteReplacement(character(code(m))));
  }

  /** What SnakeYAML found: a token, a character shown with its code, or text, quoted. */
  private static String found(String text) {
    String bare = text.strip();
    Matcher m = CHARACTER_CODE.matcher(bare);
    if (m.matches()) {
      return character(code(m));
    }
    if (m.reset().find()) {
      return namedCharacters(bare);
    }
    String word = TOKENS.get(unquoted(bare));
    return word != null ? word : "'" + unquoted(bare) + "'";
  }

  private static int code(MatchResult characterCode) {
    String digits =
        characterCode.group(1) != null ? characterCode.group(1) : characterCode.group(2);
    return Integer.parseInt(digits);
  }

  private static String character(int c) {
    return switch (c) {
      case '\n', '\r' -> "a line break";
      case ' ' -> "a space";
      case '\t' -> "a tab";
      case 0 -> "the end of the file";
      default -> "'" + Character.toString(c) + "'";
    };
  }

  /** {@code x} for {@code 'x'}; text with quotes inside, such as {@code ',' or ']'}, as it is. */
  private static String unquoted(String text) {
    boolean quoted =
        text.length() >= 2
            && text.startsWith("'")
            && text.endsWith("'")
            && text.indexOf('\'', 1) == text.length() - 1;
    return quoted ? text.substring(1, text.length() - 1) : text;
  }

  private static String token(String text) {
    String bare = unquoted(text.strip());
    String word = TOKENS.get(bare);
    if (word != null) {
      return word;
    }
    return bare.matches("\\p{Punct}+") ? "'" + bare + "'" : bare;
  }

  /**
   * " (in the list [...] that starts at line 6, column 12)", unless it starts where the problem is.
   */
  private static String context(String context, Mark contextMark, Position at) {
    if (context == null || contextMark == null) {
      return "";
    }
    String construct = context.replaceFirst("^while (parsing|scanning) (a |an )?", "");
    construct = CONSTRUCTS.getOrDefault(construct, construct);
    Position start = position(contextMark);
    if (start.equals(at)) {
      return "";
    }
    return " (in the "
        + construct
        + " that starts at line "
        + start.line()
        + ", column "
        + start.column()
        + ")";
  }

  private static String quoteAt(Mark mark) {
    int[] buffer = mark.getBuffer();
    int pointer = mark.getPointer();
    return buffer != null && pointer < buffer.length && buffer[pointer] == '\'' ? "'" : "\"";
  }

  private static Position position(Mark mark) {
    return mark == null ? Position.of(1, 1) : Position.of(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
