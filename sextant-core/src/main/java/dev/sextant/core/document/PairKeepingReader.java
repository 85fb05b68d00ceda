package dev.sextant.core.document;

import java.io.Reader;

/**
 * Hands a string to SnakeYAML without ever ending a read between the two halves of a surrogate
 * pair. SnakeYAML 2.3 reads 1,024 characters at a time and fails with an {@link
 * IndexOutOfBoundsException} when a character outside the Basic Multilingual Plane (an emoji)
 * straddles that boundary; a read one character shorter keeps the pair together.
 */
final class PairKeepingReader extends Reader {
  private final String text;
  private int next;

  PairKeepingReader(String text) {
    this.text = text;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (next >= text.length()) {
      return -1;
    }
    int count = Math.min(length, text.length() - next);
    if (count > 1 && Character.isHighSurrogate(text.charAt(next + count - 1))) {
      count--;
    }
    text.getChars(next, next + count, buffer, offset);
    next += count;
    return count;
  }

  @Override
  public void close() {}
}
