package dev.sextant.core.graph;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Semantic Versioning 2.0.0 defines it: {@code MAJOR.MINOR.PATCH}, an optional
 * pre-release ({@code -rc.1}) and optional build metadata ({@code +build.5}).
 *
 * <p>Ordering follows the specification's precedence, so build metadata is ignored: {@code 1.0.0+a}
 * and {@code 1.0.0+b} compare as equal although they are not {@link #equals equal}.
 */
public record SemanticVersion(
    long major, long minor, long patch, List<String> preRelease, List<String> build)
    implements Comparable<SemanticVersion> {

  // The expression semver.org recommends, without the leading "v" it forbids.
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private static final Comparator<SemanticVersion> PRECEDENCE =
      Comparator.comparingLong(SemanticVersion::major)
          .thenComparingLong(SemanticVersion::minor)
          .thenComparingLong(SemanticVersion::patch)
          .thenComparing(SemanticVersion::preRelease, SemanticVersion::comparePreReleases);

  public SemanticVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version numbers cannot be negative");
    }
    preRelease = List.copyOf(preRelease);
    build = List.copyOf(build);
  }

  /**
   * Reads a version written as Semantic Versioning 2.0.0 prescribes.
   *
   * @throws IllegalArgumentException saying what was expected, when {@code text} is not one
   */
  public static SemanticVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a semantic version; expected MAJOR.MINOR.PATCH such as 2.4.0 or 3.0.0-rc.1");
    }
    try {
      return new SemanticVersion(
          Long.parseLong(m.group(1)),
          Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)),
          m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")),
          m.group(5) == null ? List.of() : List.of(m.group(5).split("\\.")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has a version number too large to compare", e);
    }
  }

  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return PRECEDENCE.compare(this, other);
  }

  /** The version as written: parsing it again gives an equal version. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
    if (!preRelease.isEmpty()) {
      text.append('-').append(String.join(".", preRelease));
    }
    if (!build.isEmpty()) {
      text.append('+').append(String.join(".", build));
    }
    return text.toString();
  }

  // §11: a release outranks its pre-releases; identifiers compare numerically when both are
  // numbers, numbers rank below words, and a longer list wins when all shared fields are equal.
  private static int comparePreReleases(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifiers(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifiers(String a, String b) {
    boolean numericA = a.chars().allMatch(Character::isDigit);
    boolean numericB = b.chars().allMatch(Character::isDigit);
    if (numericA && numericB) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (numericA != numericB) {
      return numericA ? -1 : 1;
    }
    return a.compareTo(b);
  }
}
