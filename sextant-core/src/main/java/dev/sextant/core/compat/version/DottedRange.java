package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A range over plain numeric dotted versions, such as NVIDIA drivers ({@code 550.54.15}), kernels
 * ({@code 6.1.112-122.amzn2023}), glibc ({@code 2.36}) and CUDA ({@code 12.4}): comparisons joined
 * by commas, all of which must hold ({@code >=550.54.14,<560}).
 *
 * <p>Operators: {@code ==} (or a bare version), {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}; {@code ==6.1.*} and {@code !=6.1.*} match by prefix. A version is read as its leading
 * dotted numbers, after an optional {@code v}: everything from the first other character on is
 * ignored, so {@code 6.1.112-122.amzn2023.x86_64} is 6.1.112. Leading zeros ({@code 05}) and
 * trailing zeros ({@code 12 == 12.0}) do not count. That suits versions whose suffix is a build or
 * distribution label; for {@code rc} and friends use the semver or PEP 440 scheme.
 */
public final class DottedRange implements VersionRange {
  private static final int MAX_DIGITS = 18;

  /** What {@link #compare(String, long[])} answers for a version that is not dotted numbers. */
  static final int UNREADABLE = Integer.MIN_VALUE;

  private final String text;
  private final List<Comparison> comparisons;

  private DottedRange(String text, List<Comparison> comparisons) {
    this.text = text;
    this.comparisons = comparisons;
  }

  /**
   * Reads a dotted range.
   *
   * @throws IllegalArgumentException naming the comparison that is wrong and what was expected
   */
  public static DottedRange parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "a dotted version range is empty; expected one such as >=550.54.14 or >=6.1,<7");
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      comparisons.add(Comparison.parse(part.strip(), text));
    }
    return new DottedRange(text.strip(), List.copyOf(comparisons));
  }

  /**
   * The leading dotted numbers of {@code version}, or null when it does not start with a number
   * (after an optional {@code v}). Numbers longer than 18 digits are refused rather than wrapped.
   */
  static long[] segments(String version) {
    int i = 0;
    int n = version.length();
    while (i < n && version.charAt(i) == ' ') {
      i++;
    }
    if (i < n && (version.charAt(i) == 'v' || version.charAt(i) == 'V')) {
      i++;
    }
    long[] out = new long[4];
    int count = 0;
    while (i < n && isDigit(version.charAt(i))) {
      long value = 0;
      int digits = 0;
      while (i < n && isDigit(version.charAt(i))) {
        value = value * 10 + (version.charAt(i) - '0');
        if (value != 0 && ++digits > MAX_DIGITS) {
          return null;
        }
        i++;
      }
      if (count == out.length) {
        out = Arrays.copyOf(out, count * 2);
      }
      out[count++] = value;
      if (i + 1 < n && version.charAt(i) == '.' && isDigit(version.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return count == 0 ? null : Arrays.copyOf(out, count);
  }

  @Override
  public boolean contains(String version) {
    for (Comparison comparison : comparisons) {
      if (!comparison.matches(version)) {
        return false;
      }
    }
    return true;
  }

  /**
   * How {@code version}'s leading dotted numbers compare with {@code bound}, missing segments
   * counting as zero, read straight from the text: a fleet's plan makes a million of these, and
   * reading into arrays first was most of what they allocated. {@link #UNREADABLE} where {@link
   * #segments} gives null.
   */
  static int compare(String version, long[] bound) {
    int n = version.length();
    int i = 0;
    while (i < n && version.charAt(i) == ' ') {
      i++;
    }
    if (i < n && (version.charAt(i) == 'v' || version.charAt(i) == 'V')) {
      i++;
    }
    if (i >= n || !isDigit(version.charAt(i))) {
      return UNREADABLE;
    }
    int result = 0;
    int segment = 0;
    while (true) {
      long value = 0;
      int digits = 0;
      while (i < n && isDigit(version.charAt(i))) {
        value = value * 10 + (version.charAt(i) - '0');
        if (value != 0 && ++digits > MAX_DIGITS) {
          return UNREADABLE;
        }
        i++;
      }
      if (result == 0) {
        result = Long.compare(value, segment < bound.length ? bound[segment] : 0);
      }
      segment++;
      if (i + 1 < n && version.charAt(i) == '.' && isDigit(version.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    for (; result == 0 && segment < bound.length; segment++) {
      result = Long.compare(0, bound[segment]);
    }
    return result;
  }

  @Override
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Comparison comparison : comparisons) {
      if (out.length() > 0) {
        out.append(" and ");
      }
      out.append(comparison.describe());
    }
    return out.toString();
  }

  @Override
  public Requirement.Scheme scheme() {
    return Requirement.Scheme.DOTTED;
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private record Comparison(Operator op, String written, long[] bound, boolean prefix) {

    static Comparison parse(String part, String whole) {
      Operator op = Operator.leading(part);
      if (op == Operator.ARBITRARY || op == Operator.COMPATIBLE) {
        throw invalid(
            part,
            whole,
            "uses " + op.symbol + ", which is PEP 440; set scheme: pep440 or use >=, <");
      }
      String operand = (op == null ? part : part.substring(op.symbol.length())).strip();
      if (op == null && operand.startsWith("=")) {
        op = Operator.EQUAL;
        operand = operand.substring(1).strip();
      }
      if (op == null) {
        op = Operator.EQUAL;
      }
      boolean prefix = operand.endsWith(".*");
      if (prefix && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
        throw invalid(part, whole, "uses a wildcard, which only == and != allow");
      }
      String number = prefix ? operand.substring(0, operand.length() - 2) : operand;
      long[] bound = number.isEmpty() ? null : segments(number);
      if (bound == null || !isPlain(number)) {
        throw invalid(
            part,
            whole,
            "has \"" + operand + "\"; expected dotted numbers such as 550.54.14 or 6.1");
      }
      return new Comparison(op, operand, bound, prefix);
    }

    /** An operand is written plainly: digits and dots only, so a typo is not silently cut short. */
    private static boolean isPlain(String number) {
      int start = number.startsWith("v") ? 1 : 0;
      for (int i = start; i < number.length(); i++) {
        char c = number.charAt(i);
        if (!isDigit(c) && c != '.') {
          return false;
        }
      }
      return !number.endsWith(".") && !number.contains("..");
    }

    boolean matches(String text) {
      if (prefix) {
        long[] version = segments(text);
        if (version == null) {
          return false;
        }
        boolean starts = true;
        for (int i = 0; i < bound.length && starts; i++) {
          starts = (i < version.length ? version[i] : 0) == bound[i];
        }
        return op == Operator.EQUAL ? starts : !starts;
      }
      int c = compare(text, bound);
      if (c == UNREADABLE) {
        return false;
      }
      return switch (op) {
        case EQUAL -> c == 0;
        case NOT_EQUAL -> c != 0;
        case BELOW -> c < 0;
        case AT_MOST -> c <= 0;
        case ABOVE -> c > 0;
        case AT_LEAST -> c >= 0;
        // parse refuses these two, so they never reach a comparison
        case ARBITRARY, COMPATIBLE -> throw new IllegalStateException(op.symbol);
      };
    }

    String describe() {
      if (prefix) {
        return (op == Operator.EQUAL ? "any " : "not any ") + written;
      }
      return op.words + " " + written;
    }

    private static IllegalArgumentException invalid(String part, String whole, String problem) {
      return new IllegalArgumentException(
          "dotted version comparison \""
              + part
              + "\""
              + (part.equals(whole.strip()) ? "" : " in \"" + whole + "\"")
              + " "
              + problem);
    }
  }
}
