package dev.sextant.core.graph;

import dev.sextant.core.compat.version.SemverRange;
import java.util.Objects;

/**
 * The API versions a consumer accepts, written as an npm range: {@code ^2.1.0}, {@code ~1.4},
 * {@code >=1.2.0 <2.0.0}, {@code 1.2.3 - 2.0.0}, {@code 2.x} or several joined by {@code ||}. As in
 * npm, a pre-release is only included when the range names a pre-release of the same version.
 */
public final class ApiRange {
  private final SemverRange range;

  private ApiRange(SemverRange range) {
    this.range = range;
  }

  /**
   * Reads an npm range.
   *
   * @throws IllegalArgumentException when {@code text} is not one
   */
  public static ApiRange parse(String text) {
    return new ApiRange(SemverRange.parse(Objects.requireNonNull(text, "text")));
  }

  /** Whether a provider offering this API version satisfies the range. */
  public boolean includes(SemanticVersion version) {
    return range.contains(version.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRange other && range.toString().equals(other.range.toString());
  }

  @Override
  public int hashCode() {
    return range.toString().hashCode();
  }

  /** The range as written. */
  @Override
  public String toString() {
    return range.toString();
  }
}
