package dev.sextant.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format, version 0.0.4: {@code # HELP} and {@code #
 * TYPE} lines, other comments, and samples {@code name{label="value",...} value [timestamp]} with
 * escaped label values and the values {@code NaN}, {@code +Inf} and {@code -Inf}.
 */
public final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  // Java's parseDouble also takes hex floats and a trailing 'd' or 'f', which Prometheus does not.
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private PrometheusText() {}

  /**
   * The samples and declared types of {@code text}.
   *
   * @throws MalformedExpositionException at the first line that is not the text format
   */
  public static Exposition parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      int number = i + 1;
      if (line.isBlank()) {
        continue;
      }
      if (line.stripLeading().startsWith("#")) {
        comment(line.stripLeading(), number, types);
      } else {
        samples.add(new Line(line, number).sample());
      }
    }
    return new Exposition(samples, types);
  }

  private static void comment(String line, int number, Map<String, String> types) {
    String[] tokens = line.substring(1).strip().split("[ \t]+", 3);
    if (tokens.length < 2 || !(tokens[0].equals("HELP") || tokens[0].equals("TYPE"))) {
      return;
    }
    if (!NAME.matcher(tokens[1]).matches()) {
      throw new MalformedExpositionException(
          number, "'" + tokens[1] + "' is not a metric name in a # " + tokens[0] + " line");
    }
    if (tokens[0].equals("TYPE")) {
      String type = tokens.length == 3 ? tokens[2].strip() : "";
      if (!TYPES.contains(type)) {
        throw new MalformedExpositionException(
            number,
            "'" + type + "' is not a metric type (counter, gauge, histogram, summary, untyped)");
      }
      if (types.putIfAbsent(tokens[1], type) != null) {
        throw new MalformedExpositionException(number, "a second # TYPE line for " + tokens[1]);
      }
    }
  }

  /** One sample line, read left to right. */
  private static final class Line {
    private final String text;
    private final int number;
    private int at;

    Line(String text, int number) {
      this.text = text;
      this.number = number;
    }

    Sample sample() {
      skipBlanks();
      String name = token(NAME, "a metric name");
      TreeMap<String, String> labels = new TreeMap<>();
      skipBlanks();
      if (at < text.length() && text.charAt(at) == '{') {
        at++;
        labels(labels);
      }
      String[] rest = text.substring(at).strip().split("[ \t]+");
      if (rest.length == 0 || rest[0].isEmpty()) {
        throw fail("no value after " + name);
      }
      if (rest.length > 2) {
        throw fail("more than a value and a timestamp after " + name);
      }
      double value = value(rest[0]);
      Optional<Long> timestamp = Optional.empty();
      if (rest.length == 2) {
        if (!TIMESTAMP.matcher(rest[1]).matches()) {
          throw fail("'" + rest[1] + "' is not a timestamp in milliseconds");
        }
        try {
          timestamp = Optional.of(Long.parseLong(rest[1]));
        } catch (NumberFormatException tooLarge) {
          throw fail("'" + rest[1] + "' is not a timestamp in milliseconds");
        }
      }
      return new Sample(name, labels, value, timestamp);
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipBlanks();
        if (at < text.length() && text.charAt(at) == '}') {
          at++;
          return;
        }
        String label = token(LABEL_NAME, "a label name");
        skipBlanks();
        expect('=');
        skipBlanks();
        expect('"');
        if (labels.put(label, labelValue()) != null) {
          throw fail("label " + label + " appears twice");
        }
        skipBlanks();
        if (at < text.length() && text.charAt(at) == ',') {
          at++;
        } else if (at >= text.length() || text.charAt(at) != '}') {
          throw fail("expected ',' or '}' after the value of label " + label);
        }
      }
    }

    private String labelValue() {
      StringBuilder value = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (at >= text.length()) {
            break;
          }
          char escaped = text.charAt(at++);
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw fail("'\\" + escaped + "' is not an escape in a label value");
          }
        } else {
          value.append(c);
        }
      }
      throw fail("a label value is not closed with '\"'");
    }

    private double value(String token) {
      switch (token) {
        case "NaN":
          return Double.NaN;
        case "+Inf":
        case "Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          if (!FLOAT.matcher(token).matches()) {
            throw fail("'" + token + "' is not a sample value");
          }
          return Double.parseDouble(token);
      }
    }

    private String token(Pattern pattern, String what) {
      var matcher = pattern.matcher(text).region(at, text.length());
      if (!matcher.lookingAt()) {
        throw fail("expected " + what + " at column " + (at + 1));
      }
      at = matcher.end();
      return matcher.group();
    }

    private void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw fail("expected '" + c + "' at column " + (at + 1));
      }
      at++;
    }

    private void skipBlanks() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
    }

    private MalformedExpositionException fail(String problem) {
      return new MalformedExpositionException(number, problem);
    }
  }
}
