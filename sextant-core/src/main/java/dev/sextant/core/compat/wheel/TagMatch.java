package dev.sextant.core.compat.wheel;

import java.util.Objects;

/**
 * The tag by which an environment accepts a wheel: the wheel's tag that comes first in the
 * environment's supported list, which is the one pip ranks the wheel by ({@code
 * Wheel.support_index_min}).
 *
 * @param tag the wheel's best tag
 * @param index its position in the environment's list, 0 being the most preferred
 * @param listed how many tags the environment lists
 */
public record TagMatch(WheelTag tag, int index, int listed) {

  public TagMatch {
    Objects.requireNonNull(tag, "tag");
    if (index < 0 || index >= listed) {
      throw new IllegalArgumentException("index " + index + " is not within a list of " + listed);
    }
  }

  /** The position counted from 1, as people count: rank 1 is the environment's favourite tag. */
  public int rank() {
    return index + 1;
  }
}
