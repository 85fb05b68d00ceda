package dev.sextant.agent.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads os-release(5): {@code KEY=value} lines, values optionally in single or double quotes, with
 * backslash escapes inside double quotes, and comments.
 */
final class OsRelease {
  private OsRelease() {}

  static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      int eq = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
        continue;
      }
      fields.put(trimmed.substring(0, eq), unquote(trimmed.substring(eq + 1)));
    }
    return fields;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      String inner = value.substring(1, value.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length()) {
          c = inner.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return value;
  }
}
