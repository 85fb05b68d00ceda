package dev.sextant.server.store;

/**
 * The formats of an event's type, subject and outcome, matched by hand rather than with patterns,
 * since every stored event is checked again when it is read back (a million of them when the ledger
 * is verified). Each method matches exactly what the regular expression in its comment matches.
 */
final class EventNames {
  private EventNames() {}

  /** {@code [a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+}, e.g. {@code fingerprint.recorded}. */
  static boolean isType(String value) {
    int words = 0;
    int start = 0;
    while (true) {
      int dot = value.indexOf('.', start);
      int end = dot < 0 ? value.length() : dot;
      if (!isWord(value, start, end)) {
        return false;
      }
      words++;
      if (dot < 0) {
        return words >= 2;
      }
      start = dot + 1;
    }
  }

  /**
   * A word as {@link #isOutcome} takes it, a slash, then one or more characters that are not
   * whitespace ({@code \S+}), e.g. {@code environment/prod-eu}.
   */
  static boolean isSubject(String value) {
    int slash = value.indexOf('/');
    if (slash < 0 || !isWord(value, 0, slash) || slash == value.length() - 1) {
      return false;
    }
    for (int i = slash + 1; i < value.length(); i++) {
      if (isSpace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z][a-z0-9-]*}, e.g. {@code accepted}. */
  static boolean isOutcome(String value) {
    return isWord(value, 0, value.length());
  }

  private static boolean isWord(String value, int start, int end) {
    if (start >= end || !isLower(value.charAt(start))) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      char c = value.charAt(i);
      if (!isLower(c) && (c < '0' || c > '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** What {@code \s} matches without {@code UNICODE_CHARACTER_CLASS}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
