package dev.sextant.core.graph;

import java.util.Objects;
import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * The API versions a consumer accepts, written as an npm range: {@code ^2.1.0}, {@code ~1.4},
 * {@code >=1.2.0 <2.0.0}, {@code 1.2.3 - 2.0.0}, {@code 2.x} or several joined by {@code ||}. As
 * in npm, a pre-release is only included when the range names a pre-release of the same version.
 */
public final class ApiRange {
  private static final String NUMBER = "(?:x|X|\\*|0|[1-9]\\d*)";
  private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final String PARTIAL =
      NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER + "(?:-" + IDENTIFIERS + ")?(?:\\+" + IDENTIFIERS + ")?)?)?";
  private static final Pattern SIMPLE = Pattern.compile("(?:<=|>=|<|>|=|~|\\^)?" + PARTIAL);
  private static final Pattern HYPHEN = Pattern.compile(PARTIAL + " +- +" + PARTIAL);
  private static final Pattern OPERATOR_SPACE = Pattern.compile("(<=|>=|<|>|=|~|\\^) +");

  private final String text;
  private final RangesList ranges;

  private ApiRange(String text, RangesList ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /**
   * Reads an npm range.
   *
   * @throws IllegalArgumentException when {@code text} is not one; semver4j alone drops parts it
   *     cannot read (so {@code ^2.1.0 || oops} would mean {@code ^2.1.0}), hence the check here
   */
  public static ApiRange parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!wellFormed(text)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an npm version range; expected one such as ^2.1.0, ~1.4, >=1.2.0 <2.0.0 or ^1.0.0 || ^2.0.0");
    }
    RangesList ranges = RangesListFactory.create(text);
    if (ranges.get().isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is a version range that no version can satisfy");
    }
    return new ApiRange(text, ranges);
  }

  /** Whether a provider offering this API version satisfies the range. */
  public boolean includes(SemanticVersion version) {
    return ranges.isSatisfiedBy(new Semver(version.toString()));
  }

  private static boolean wellFormed(String text) {
    if (text.isBlank()) {
      return false;
    }
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

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRange other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The range as written. */
  @Override
  public String toString() {
    return text;
  }
}
