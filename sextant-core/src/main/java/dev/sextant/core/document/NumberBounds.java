package dev.sextant.core.document;

import java.util.Locale;
import java.util.Optional;

/**
 * Bounds on a number written in a file, checked on its text before it is turned into a {@link
 * java.math.BigDecimal}: {@code 1e9999999999} or a million digits would otherwise cost minutes or
 * all memory the first time something prints, compares or digests the value.
 *
 * <p>The bounds are on the value, not on how it is written, so that the plain form Sextant writes
 * back ({@code 1e300} as 301 digits) is read again: at most {@value #MAX_SIGNIFICANT_DIGITS}
 * significant digits, an exponent from -{@value #MAX_EXPONENT} to {@value #MAX_EXPONENT} in
 * scientific notation (the place of the first significant digit), and at most {@value
 * #MAX_WRITTEN_DIGITS} digits written in all. No fact, quantity or argument needs more.
 */
public final class NumberBounds {
  public static final int MAX_SIGNIFICANT_DIGITS = 100;
  public static final int MAX_EXPONENT = 400;

  /** Room for the plain form of every number within the two bounds above. */
  public static final int MAX_WRITTEN_DIGITS = MAX_SIGNIFICANT_DIGITS + MAX_EXPONENT + 12;

  /** Hexadecimal and octal integers: 400 bits at most. */
  private static final int MAX_RADIX_DIGITS = 100;

  private static final int SHOWN = 24;

  private NumberBounds() {}

  /**
   * What is wrong with a number written as {@code text}, or empty when it is within bounds. The
   * text is a decimal number ({@code -12.5e3}) or an integer in hexadecimal ({@code 0x1F}) or octal
   * ({@code 0o17}); other text is answered on its digits alone.
   */
  public static Optional<String> problem(String text) {
    String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (body.startsWith("0x") || body.startsWith("0o")) {
      return body.length() - 2 > MAX_RADIX_DIGITS
          ? Optional.of(
              shown(text)
                  + " has "
                  + (body.length() - 2)
                  + " digits; expected at most "
                  + MAX_RADIX_DIGITS)
          : Optional.empty();
    }
    int e = Math.max(body.indexOf('e'), body.indexOf('E'));
    String mantissa = e < 0 ? body : body.substring(0, e);
    int written = 0;
    int beforePoint = 0;
    int first = -1;
    int last = -1;
    boolean point = false;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c == '.') {
        point = true;
        continue;
      }
      if (c != '0' && first < 0) {
        first = written;
      }
      if (c != '0') {
        last = written;
      }
      written++;
      if (!point) {
        beforePoint++;
      }
    }
    if (written > MAX_WRITTEN_DIGITS) {
      return Optional.of(
          shown(text)
              + " is written with "
              + written
              + " digits; expected at most "
              + MAX_WRITTEN_DIGITS);
    }
    if (last - first + 1 > MAX_SIGNIFICANT_DIGITS) {
      return Optional.of(
          shown(text)
              + " has "
              + (last - first + 1)
              + " significant digits; expected at most "
              + MAX_SIGNIFICANT_DIGITS);
    }
    long exponent = e < 0 ? 0 : exponent(body.substring(e + 1));
    // Zero has no first digit; its written exponent still must fit, or BigDecimal refuses it.
    long leading = first < 0 ? exponent : beforePoint - 1 - first + exponent;
    if (Math.abs(leading) > MAX_EXPONENT) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s is out of range; expected an exponent from -%d to %d when written as d.ddde±n"
                  + " (such as 2.5e%d)",
              shown(text),
              MAX_EXPONENT,
              MAX_EXPONENT,
              MAX_EXPONENT));
    }
    return Optional.empty();
  }

  /** The exponent's value, or one past any bound when it has more digits than a bound needs. */
  private static long exponent(String text) {
    boolean negative = text.startsWith("-");
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    digits = digits.replaceFirst("^0+(?=.)", "");
    long value =
        digits.length() > 9 || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)
            ? Integer.MAX_VALUE
            : Long.parseLong(digits);
    return negative ? -value : value;
  }

  /** The number as written, cut short when long, so a message stays readable. */
  private static String shown(String text) {
    return "the number " + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text);
  }
}
