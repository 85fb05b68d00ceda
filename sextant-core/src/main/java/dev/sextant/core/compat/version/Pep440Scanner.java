package dev.sextant.core.compat.version;

import static dev.sextant.core.compat.version.Pep440Version.ALPHA;
import static dev.sextant.core.compat.version.Pep440Version.BETA;
import static dev.sextant.core.compat.version.Pep440Version.CANDIDATE;
import static dev.sextant.core.compat.version.Pep440Version.FINAL;
import static dev.sextant.core.compat.version.Pep440Version.MAX_DIGITS;
import static dev.sextant.core.compat.version.Pep440Version.NONE;
import static dev.sextant.core.compat.version.Pep440Version.isDigit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a lower-cased {@link Pep440Version} by the PEP's grammar, left to right; every method
 * returns null or -1 when the text does not fit.
 */
final class Pep440Scanner {
  private static final String[] PRE_WORDS = {
    "alpha", "beta", "preview", "pre", "rc", "a", "b", "c"
  };
  private static final int[] PRE_RANKS = {
    ALPHA, BETA, CANDIDATE, CANDIDATE, CANDIDATE, ALPHA, BETA, CANDIDATE
  };
  private static final String[] POST_WORDS = {"post", "rev", "r"};
  private static final String[] DEV_WORDS = {"dev"};

  private final String s;
  private int i;

  Pep440Scanner(String s) {
    this.s = s;
  }

  Pep440Version version() {
    if (s.isEmpty()) {
      return null;
    }
    if (s.charAt(0) == 'v') {
      i++;
    }
    long first = number();
    if (first < 0) {
      return null;
    }
    long epoch = 0;
    if (at('!')) {
      i++;
      epoch = first;
      first = number();
      if (first < 0) {
        return null;
      }
    }
    long[] release = new long[4];
    int count = 0;
    release[count++] = first;
    while (at('.') && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
      i++;
      long segment = number();
      if (segment < 0) {
        return null;
      }
      if (count == release.length) {
        release = Arrays.copyOf(release, count * 2);
      }
      release[count++] = segment;
    }
    int preRank = FINAL;
    long preNumber = 0;
    int word = word(PRE_WORDS);
    if (word >= 0) {
      preRank = PRE_RANKS[word];
      preNumber = implicitNumber();
      if (preNumber < 0) {
        return null;
      }
    }
    long post = NONE;
    if (at('-') && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
      i++;
      post = number();
    } else if (word(POST_WORDS) >= 0) {
      post = implicitNumber();
    }
    if (post < NONE) {
      return null;
    }
    long dev = NONE;
    if (word(DEV_WORDS) >= 0) {
      dev = implicitNumber();
      if (dev < 0) {
        return null;
      }
    }
    String[] local = null;
    if (at('+')) {
      i++;
      local = local();
      if (local == null) {
        return null;
      }
    }
    if (i != s.length()) {
      return null;
    }
    return new Pep440Version(
        epoch, Arrays.copyOf(release, count), preRank, preNumber, post, dev, local);
  }

  /** An optional separator, then one of {@code words}; its index, or -1 with nothing consumed. */
  private int word(String[] words) {
    int start = i;
    if (atSeparator()) {
      start++;
    }
    for (int w = 0; w < words.length; w++) {
      if (s.startsWith(words[w], start)) {
        i = start + words[w].length();
        return w;
      }
    }
    return -1;
  }

  /** After a word: an optional separator and digits, or 0 when no digits follow. */
  private long implicitNumber() {
    int start = i;
    if (atSeparator()) {
      start++;
    }
    if (start < s.length() && isDigit(s.charAt(start))) {
      i = start;
      return number();
    }
    return 0;
  }

  private String[] local() {
    List<String> segments = new ArrayList<>();
    int start = i;
    while (true) {
      while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) >= 'a' && s.charAt(i) <= 'z')) {
        i++;
      }
      if (i == start) {
        return null;
      }
      segments.add(localSegment(s.substring(start, i)));
      if (!atSeparator()) {
        return segments.toArray(new String[0]);
      }
      i++;
      start = i;
    }
  }

  /** A numeric local segment is a number, as packaging reads it: {@code 01} is {@code 1}. */
  private static String localSegment(String segment) {
    for (int k = 0; k < segment.length(); k++) {
      if (!isDigit(segment.charAt(k))) {
        return segment;
      }
    }
    int zeros = 0;
    while (zeros < segment.length() - 1 && segment.charAt(zeros) == '0') {
      zeros++;
    }
    return segment.substring(zeros);
  }

  private long number() {
    int start = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || i - start > MAX_DIGITS && !allZerosBefore(start, i - MAX_DIGITS)) {
      return -2;
    }
    return Long.parseLong(s, start, i, 10);
  }

  private boolean allZerosBefore(int start, int end) {
    for (int k = start; k < end; k++) {
      if (s.charAt(k) != '0') {
        return false;
      }
    }
    return true;
  }

  private boolean at(char c) {
    return i < s.length() && s.charAt(i) == c;
  }

  private boolean atSeparator() {
    return i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == '_');
  }
}
