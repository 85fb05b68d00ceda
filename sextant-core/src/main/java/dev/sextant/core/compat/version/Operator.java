package dev.sextant.core.compat.version;

/** A comparison operator of PEP 440 specifiers and dotted ranges, with its words for messages. */
enum Operator {
  // Longest symbols first, so that reading "<=" is never read as "<" followed by "=".
  ARBITRARY("===", "exactly the string"),
  COMPATIBLE("~=", "compatible with"),
  EQUAL("==", "exactly"),
  NOT_EQUAL("!=", "not"),
  AT_MOST("<=", "at most"),
  AT_LEAST(">=", "at least"),
  BELOW("<", "below"),
  ABOVE(">", "above");

  final String symbol;
  final String words;

  Operator(String symbol, String words) {
    this.symbol = symbol;
    this.words = words;
  }

  /** The operator {@code text} starts with, or null. */
  static Operator leading(String text) {
    for (Operator op : values()) {
      if (text.startsWith(op.symbol)) {
        return op;
      }
    }
    return null;
  }
}
