package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.regex.Pattern;
import org.semver4j.Range;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * An npm range over Semantic Versioning 2.0.0 versions, read by semver4j with node-semver's rules
 * (https://github.com/npm/node-semver#ranges): {@code ^1.2.3}, {@code ~1.2}, {@code 1.x}, {@code
 * 1.2.3 - 2.3.4}, {@code >=1.2.7 <1.3.0} and alternatives joined by {@code ||}.
 *
 * <p>As in npm, a pre-release only satisfies a range when a comparator names a pre-release of the
 * same major.minor.patch. An environment's version that is not strict semver ({@code 12.4}, {@code
 * v3.0}) is coerced to one ({@code 12.4.0}), because tools report versions that short.
 */
public final class SemverRange implements VersionRange {
  // node-semver's grammar, checked before semver4j reads the text, because semver4j drops what it
  // cannot read: "^2.1.0 || oops" would mean "^2.1.0".
  private static final String NUMBER = "(?:x|X|\\*|0|[1-9]\\d*)";
  private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final String PARTIAL =
      NUMBER
          + "(?:\\."
          + NUMBER
          + "(?:\\."
          + NUMBER
          + "(?:-"
          + IDENTIFIERS
          + ")?(?:\\+"
          + IDENTIFIERS
          + ")?)?)?";
  private static final Pattern SIMPLE = Pattern.compile("(?:<=|>=|<|>|=|~|\\^)?v?" + PARTIAL);
  private static final Pattern HYPHEN = Pattern.compile(PARTIAL + " +- +" + PARTIAL);
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(<=|>=|<|>|=|~|\\^) +");

  private final String text;
  private final RangesList ranges;

  private SemverRange(String text, RangesList ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /**
   * Reads an npm range.
   *
   * @throws IllegalArgumentException when semver4j finds no comparator in the text or in one of its
   *     {@code ||} alternatives (it reads what it cannot parse as matching nothing)
   */
  public static SemverRange parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "an npm version range is empty; expected one such as ^1.2.3 or >=1.2.7 <1.3.0");
    }
    if (!wellFormed(trimmed)) {
      throw invalid(trimmed, "it does not follow node-semver's range grammar");
    }
    RangesList ranges;
    try {
      ranges = RangesListFactory.create(trimmed);
    } catch (RuntimeException e) {
      throw invalid(trimmed, e.getMessage());
    }
    List<List<Range>> alternatives = ranges.get();
    int expected = trimmed.split("\\|\\|", -1).length;
    if (alternatives.size() != expected || alternatives.stream().anyMatch(List::isEmpty)) {
      throw invalid(trimmed, "it is not an npm range");
    }
    return new SemverRange(trimmed, ranges);
  }

  @Override
  public boolean contains(String version) {
    Semver semver = Semver.parse(version.strip());
    if (semver == null) {
      semver = Semver.coerce(version);
    }
    return semver != null && ranges.isSatisfiedBy(semver);
  }

  @Override
  public String describe() {
    return ranges.toString();
  }

  @Override
  public Requirement.Scheme scheme() {
    return Requirement.Scheme.SEMVER;
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean wellFormed(String text) {
    for (String alternative : text.split("\\|\\|", -1)) {
      String range = OPERATOR_SPACE.matcher(alternative.trim()).replaceAll("$1");
      if (range.isEmpty() || !(HYPHEN.matcher(range).matches() || allSimple(range))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allSimple(String range) {
    for (String comparator : range.split(" +")) {
      if (!SIMPLE.matcher(comparator).matches()) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "\""
            + text
            + "\" is not an npm version range ("
            + why
            + "); expected one such as ^1.2.3, ~1.2, 1.x,"
            + " 1.2.3 - 2.3.4 or >=1.2.7 <1.3.0 || 2.x");
  }
}
