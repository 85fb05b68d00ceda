package dev.sextant.core.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Whether text is an instant as {@link Instant#toString} writes it, the one spelling an entry's
 * time may have. Every entry is checked when it is made, a million of them when the ledger is
 * verified, so the common form (a four-digit year, seconds, a fraction of 0, 3, 6 or 9 digits) is
 * recognised by hand; any other text is parsed and written back, which decides the rest.
 */
final class InstantText {
  private InstantText() {}

  static boolean isCanonical(String at) {
    if (isCommonCanonicalForm(at)) {
      return true;
    }
    try {
      return Instant.parse(at).toString().equals(at);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z} with a year from 1000, a real date and time (no
   * leap second), and a fraction whose last three digits are not all zero, as {@code toString}
   * leaves them out.
   */
  private static boolean isCommonCanonicalForm(String at) {
    int length = at.length();
    if (length != 20 && length != 24 && length != 27 && length != 30) {
      return false;
    }
    if (at.charAt(4) != '-'
        || at.charAt(7) != '-'
        || at.charAt(10) != 'T'
        || at.charAt(13) != ':'
        || at.charAt(16) != ':'
        || at.charAt(length - 1) != 'Z') {
      return false;
    }
    int year = number(at, 0, 4);
    int month = number(at, 5, 7);
    int day = number(at, 8, 10);
    int hour = number(at, 11, 13);
    int minute = number(at, 14, 16);
    int second = number(at, 17, 19);
    if (year < 1000 || month < 1 || month > 12 || hour < 0 || hour > 23) {
      return false;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return false;
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    if (length == 20) {
      return true;
    }
    return at.charAt(19) == '.'
        && number(at, 20, length - 1) >= 0
        && number(at, length - 4, length - 1) > 0;
  }

  /** The decimal number of ASCII digits from {@code start} to {@code end}, or -1. */
  private static int number(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
