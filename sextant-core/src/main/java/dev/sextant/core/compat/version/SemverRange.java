package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
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
 * same major.minor.patch. An environment's version that is not strict semver ({@code 12.4},
 * {@code v3.0}) is coerced to one ({@code 12.4.0}), because tools report versions that short.
 */
public final class SemverRange implements VersionRange {
  private final String text;
  private final RangesList ranges;

  private SemverRange(String text, RangesList ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /**
   * Reads an npm range.
   *
   * @throws IllegalArgumentException when semver4j finds no comparator in the text or in one of
   *     its {@code ||} alternatives (it reads what it cannot parse as matching nothing)
   */
  public static SemverRange parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("an npm version range is empty; expected one such as ^1.2.3 or >=1.2.7 <1.3.0");
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

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not an npm version range (" + why + "); expected one such as ^1.2.3, ~1.2, 1.x,"
            + " 1.2.3 - 2.3.4 or >=1.2.7 <1.3.0 || 2.x");
  }
}
