package dev.sextant.server.analysis.prometheus;

/** PromQL's lexical rules that text put into a query must respect. */
public final class PromQl {
  private PromQl() {}

  /**
   * {@code value} escaped for a PromQL double-quoted string, so that it stays one label value
   * whatever it holds: a backslash, a double quote or a line break cannot end the string or the
   * matcher around it. Other control characters become {@code \\uXXXX} escapes, which PromQL reads
   * back as the same characters.
   */
  public static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
