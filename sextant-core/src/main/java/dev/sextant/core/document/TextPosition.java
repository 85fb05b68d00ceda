package dev.sextant.core.document;

import dev.sextant.core.validation.Position;

/**
 * Turns an index into the source text into a line and column counted the way SnakeYAML counts them,
 * so a problem found before or beside the parser points where the parser's own would: a column is a
 * code point, and a line ends at {@code \n}, {@code \r\n}, a lone {@code \r}, U+0085, U+2028 or
 * U+2029.
 */
final class TextPosition {
  private TextPosition() {}

  /** The 1-based position of the character at {@code index} (a UTF-16 index) of {@code text}. */
  static Position of(CharSequence text, int index) {
    int line = 1;
    int column = 1;
    int i = 0;
    while (i < index) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      boolean lineBreak =
          c == '\n'
              || c == 0x85
              || c == 0x2028
              || c == 0x2029
              || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'));
      if (lineBreak) {
        line++;
        column = 1;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
    return Position.of(line, column);
  }
}
