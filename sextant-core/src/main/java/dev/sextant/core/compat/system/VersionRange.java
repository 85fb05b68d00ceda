package dev.sextant.core.compat.system;

import dev.sextant.core.fingerprint.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain comparison list over dotted versions ({@code >=22.04}, {@code >=8,<10}, or a bare
 * {@code 22.04} meaning at least), compared with {@link Versions}. Ecosystem ranges (semver, PEP
 * 440) are not this class's business.
 */
record VersionRange(String text, List<Bound> bounds) {
  private static final Pattern BOUND = Pattern.compile("(>=|<=|==|!=|>|<|=)?\\s*([0-9A-Za-z][0-9A-Za-z._+-]*)");

  record Bound(String operator, String version) {
    boolean test(String observed) {
      int c = Versions.compare(observed, version);
      return switch (operator) {
        case ">=" -> c >= 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case "<" -> c < 0;
        case "!=" -> c != 0;
        default -> c == 0;
      };
    }
  }

  /**
   * @throws IllegalArgumentException saying what a range looks like
   */
  static VersionRange parse(String text) {
    List<Bound> bounds = new ArrayList<>();
    for (String part : text.split(",")) {
      Matcher m = BOUND.matcher(part.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "\"" + text + "\" is not a version range; expected a version (meaning at least) or comparisons"
                + " such as >=22.04 or >=8,<10");
      }
      String op = m.group(1) == null ? ">=" : m.group(1).equals("=") ? "==" : m.group(1);
      bounds.add(new Bound(op, m.group(2)));
    }
    return new VersionRange(text, List.copyOf(bounds));
  }

  boolean test(String observed) {
    return bounds.stream().allMatch(b -> b.test(observed));
  }

  /** The range in words: {@code ≥ 22.04}, {@code ≥ 8 and < 10}. */
  String describe() {
    return String.join(" and ", bounds.stream().map(b -> symbol(b.operator()) + " " + b.version()).toList());
  }

  private static String symbol(String op) {
    return switch (op) {
      case ">=" -> "≥";
      case "<=" -> "≤";
      case "!=" -> "≠";
      case "==" -> "=";
      default -> op;
    };
  }
}
