package dev.sextant.core.fingerprint;

import dev.sextant.core.validation.DidYouMean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of bytes as people and tools write them, read exactly.
 *
 * <p>Accepted: a plain number of bytes ({@code 25769803776}), Kubernetes suffixes ({@code 24Gi},
 * {@code 500M}: {@code Ki Mi Gi Ti Pi Ei} are powers of 1024, {@code k M G T P E} powers of 1000)
 * and unit words with or without a space ({@code 8 GB}, {@code 16384 MiB}, {@code 512 bytes}).
 * {@code GB} means 10^9 bytes and {@code GiB} 2^30, as SI and IEC define them, even though some
 * tools print {@code GB} for 2^30: exactness over folklore. Units are case-sensitive ({@code Gb}
 * would be gigabits), and a misspelt one is answered with the nearest known one.
 *
 * <p>Arithmetic is on {@link BigDecimal}, so {@code 1.5Gi} is exactly 1610612736; an amount that is
 * not a whole number of bytes ({@code 0.3Ki}) is refused rather than rounded.
 */
public final class Quantities {
  private static final int MAX_LENGTH = 64;

  /**
   * 10^40 bytes is more than all storage ever made; the bound keeps what {@link #format} writes
   * within {@link #MAX_LENGTH}, so every amount read can be written and read back.
   */
  private static final int MAX_DIGITS = 40;

  private static final Pattern SHAPE =
      Pattern.compile("([+-]?)([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+) *([A-Za-z]*)");
  private static final String[] BINARY_SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final String[] DECIMAL_WORDS = {"kB", "MB", "GB", "TB", "PB", "EB"};
  private static final Map<String, BigDecimal> UNITS = units();
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final String EXAMPLES = "such as 24Gi, 8 GB, 16384 MiB or a plain number of bytes";

  private Quantities() {}

  /**
   * The number of bytes {@code text} stands for.
   *
   * @throws IllegalArgumentException saying what was expected and what was found, for text that is
   *     not a quantity, a negative amount or a fraction of a byte
   */
  public static BigDecimal parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "a quantity is empty; expected an amount of bytes " + EXAMPLES);
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a quantity is " + trimmed.length() + " characters; expected at most " + MAX_LENGTH);
    }
    Matcher m = SHAPE.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a quantity; expected an amount of bytes " + EXAMPLES);
    }
    if (m.group(1).equals("-")) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is negative; expected an amount of bytes of 0 or more");
    }
    String unit = m.group(3);
    BigDecimal factor = unit.isEmpty() ? BigDecimal.ONE : UNITS.get(unit);
    if (factor == null) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" has an unknown unit \""
              + unit
              + "\"; expected one of "
              + String.join(", ", UNITS.keySet())
              + DidYouMean.hint(unit, UNITS.keySet()));
    }
    return whole(text, new BigDecimal(m.group(2)).multiply(factor));
  }

  /** The amount as a fact in bytes. */
  public static Fact.Quantity bytes(String text) {
    return new Fact.Quantity(parse(text), "bytes");
  }

  /**
   * A number of bytes given as a number (a plain JSON or YAML number in a fingerprint file).
   *
   * @throws IllegalArgumentException for a negative or fractional amount
   */
  public static Fact.Quantity bytes(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          shown(amount) + " is negative; expected an amount of bytes of 0 or more");
    }
    return new Fact.Quantity(whole(shown(amount), amount), "bytes");
  }

  /**
   * The shortest exact form of a number of bytes, for tables and messages, not for storage: {@code
   * 24Gi} for 25769803776, {@code 80GB} for 80000000000 (not {@code 78125000Ki}: an amount someone
   * wrote in decimal units reads back in them), the plain number when no unit divides it. A binary
   * suffix wins a tie, as Kubernetes writes memory.
   */
  public static String format(BigDecimal bytes) {
    String binary = binary(bytes);
    String decimal = decimal(bytes);
    return digits(decimal) < digits(binary) ? decimal : binary;
  }

  private static String decimal(BigDecimal bytes) {
    if (bytes.signum() > 0 && bytes.scale() <= 0 && bytes.compareTo(LONG_MAX) <= 0) {
      long value = bytes.longValue();
      int power = 0;
      while (power < DECIMAL_WORDS.length && value % 1000 == 0) {
        value /= 1000;
        power++;
      }
      return power == 0 ? bytes.toPlainString() : value + DECIMAL_WORDS[power - 1];
    }
    for (int i = DECIMAL_WORDS.length; i > 0 && bytes.signum() > 0; i--) {
      BigDecimal[] quotient = bytes.divideAndRemainder(BigDecimal.TEN.pow(3 * i));
      if (quotient[1].signum() == 0) {
        return quotient[0].toBigInteger() + DECIMAL_WORDS[i - 1];
      }
    }
    return bytes.toPlainString();
  }

  private static int digits(String text) {
    int n = 0;
    while (n < text.length() && Character.isDigit(text.charAt(n))) {
      n++;
    }
    return n;
  }

  private static String binary(BigDecimal bytes) {
    if (bytes.signum() > 0 && bytes.scale() <= 0 && bytes.compareTo(LONG_MAX) <= 0) {
      // Binary suffixes divide exactly when the low bits are zero: count them instead of dividing.
      long value = bytes.longValue();
      int power = Math.min(Long.numberOfTrailingZeros(value) / 10, BINARY_SUFFIXES.length);
      return power == 0
          ? Long.toString(value)
          : (value >> (10 * power)) + BINARY_SUFFIXES[power - 1];
    }
    for (int i = BINARY_SUFFIXES.length; i > 0; i--) {
      BigDecimal unit = new BigDecimal(BigInteger.ONE.shiftLeft(10 * i));
      if (bytes.signum() > 0 && bytes.remainder(unit).signum() == 0) {
        return bytes.divide(unit).toPlainString() + BINARY_SUFFIXES[i - 1];
      }
    }
    return bytes.toPlainString();
  }

  private static BigDecimal whole(String text, BigDecimal amount) {
    // Counted before anything builds the digits, which for 1e999999999 would take minutes.
    long digits = (long) amount.precision() - amount.scale();
    if (digits > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "\""
              + shortened(text)
              + "\" is a number of bytes with "
              + digits
              + " digits; expected at most "
              + MAX_DIGITS
              + " digits (10^40 bytes is more than any machine holds)");
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is "
              + stripped.toPlainString()
              + " bytes; expected a whole number of bytes");
    }
    return stripped.setScale(0);
  }

  /** The plain digits, unless there would be too many to show: 1E+999999999 has a billion. */
  private static String shown(BigDecimal amount) {
    return Math.abs((long) amount.precision() - amount.scale()) > MAX_LENGTH
            || amount.scale() > MAX_LENGTH
        ? amount.toString()
        : amount.toPlainString();
  }

  private static String shortened(String text) {
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
  }

  private static Map<String, BigDecimal> units() {
    Map<String, BigDecimal> units = new LinkedHashMap<>();
    units.put("B", BigDecimal.ONE);
    String[] decimal = {"k", "M", "G", "T", "P", "E"};
    String[] binary = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    for (int i = 0; i < decimal.length; i++) {
      units.put(decimal[i], BigDecimal.TEN.pow(3 * (i + 1)));
      units.put(binary[i], new BigDecimal(BigInteger.ONE.shiftLeft(10 * (i + 1))));
    }
    for (int i = 0; i < DECIMAL_WORDS.length; i++) {
      units.put(DECIMAL_WORDS[i], BigDecimal.TEN.pow(3 * (i + 1)));
      units.put(binary[i] + "B", new BigDecimal(BigInteger.ONE.shiftLeft(10 * (i + 1))));
    }
    // Common spellings that are unambiguous: KB is kilobytes everywhere it appears.
    units.put("KB", BigDecimal.TEN.pow(3));
    units.put("byte", BigDecimal.ONE);
    units.put("bytes", BigDecimal.ONE);
    return Collections.unmodifiableMap(units);
  }
}
