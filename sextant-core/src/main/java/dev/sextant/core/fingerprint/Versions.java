package dev.sextant.core.fingerprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Dotted versions as drivers, kernels, CUDA, glibc and Python write them ({@code 535.104.05},
 * {@code 6.1.0-18-amd64}, {@code 12.2}, {@code 2.36}, {@code 3.13.0rc1}), compared segment by
 * segment.
 *
 * <p>A version is split into runs of digits and runs of letters; every other character ({@code . -
 * _ + ~ :}) only separates. Digit runs compare as numbers of any length ({@code 10 > 9}, {@code 05
 * == 5}), letter runs compare case-insensitively, and a number ranks above letters. When one
 * version runs out, trailing zeros do not count ({@code 12 == 12.0}) and trailing letters mark a
 * pre-release ({@code 3.13.0rc1 < 3.13.0}), as in semver and Python.
 *
 * <p>What is deliberately not modelled: Debian epochs and {@code ~}, RPM's rules, semver build
 * metadata. Package versions compare by the rules above, which order the common cases correctly.
 *
 * <p>{@link #ORDER} is not consistent with {@code String.equals}: {@code 12} and {@code 12.0}
 * compare equal. Facts stay textual ({@link Fact.Version} equality is by text), so a probe that
 * starts writing {@code 12.0} for {@code 12} is a change worth seeing.
 */
public final class Versions {
  /** Orders version texts as described above. */
  public static final Comparator<String> ORDER = Versions::compare;

  private static final int MAX_LENGTH = 256;

  private Versions() {}

  /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
  public static int compare(String a, String b) {
    List<String> left = tokens(a);
    List<String> right = tokens(b);
    int shared = Math.min(left.size(), right.size());
    for (int i = 0; i < shared; i++) {
      int c = compareTokens(left.get(i), right.get(i));
      if (c != 0) {
        return c;
      }
    }
    if (left.size() == right.size()) {
      return 0;
    }
    return left.size() > right.size() ? rest(left, shared) : -rest(right, shared);
  }

  /** True when {@code version} is at least {@code minimum}. */
  public static boolean atLeast(String version, String minimum) {
    return compare(version, minimum) >= 0;
  }

  /**
   * Checks that text can be a version: not blank, no white space or control characters, at most 256
   * characters.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String check(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "a version is empty; expected a version such as 535.104.05");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a version is " + text.length() + " characters; expected at most " + MAX_LENGTH);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "\""
                + text
                + "\" is not a version: it contains white space; expected a version such as 535.104.05");
      }
    }
    return text;
  }

  /** How the longer version's remaining tokens compare with nothing: zeros are nothing. */
  private static int rest(List<String> tokens, int from) {
    for (int i = from; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (!isNumber(token)) {
        return -1;
      }
      if (!stripZeros(token).isEmpty()) {
        return 1;
      }
    }
    return 0;
  }

  private static int compareTokens(String a, String b) {
    boolean numberA = isNumber(a);
    boolean numberB = isNumber(b);
    if (numberA && numberB) {
      String x = stripZeros(a);
      String y = stripZeros(b);
      // Equal-length digit strings order as numbers do, so no overflow whatever their length.
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    if (numberA != numberB) {
      return numberA ? 1 : -1;
    }
    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      boolean digit = isDigit(c);
      int end = i;
      while (end < text.length()
          && Character.isLetterOrDigit(text.charAt(end))
          && isDigit(text.charAt(end)) == digit) {
        end++;
      }
      out.add(text.substring(i, end));
      i = end;
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumber(String token) {
    return isDigit(token.charAt(0));
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
