package dev.sextant.core.compat;

import java.util.Objects;

/**
 * A requirement whose arguments cannot be used, found when it is prepared: bad input, reported at
 * the offending field before any environment is considered.
 */
public final class InvalidRequirementException extends RuntimeException {
  private final String field;

  /**
   * @param field the field within the requirement, such as {@code with.toolkit} or {@code min}
   * @param message what is wrong and what was expected
   */
  public InvalidRequirementException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field within the requirement, such as {@code with.toolkit}. */
  public String field() {
    return field;
  }
}
