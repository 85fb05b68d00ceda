package dev.sextant.core.compat.parameter;

import java.util.Objects;

/**
 * A parameter that cannot be derived on any environment, found when the variant is prepared: an
 * expression that does not parse, or a min or max that is not a whole number or amount of bytes.
 */
public final class InvalidParameterException extends RuntimeException {
  private final String parameter;
  private final String field;

  /**
   * @param parameter the parameter's name in the variant
   * @param field {@code expr}, {@code min} or {@code max}
   * @param message what is wrong, where (the column, for {@code expr}) and what was expected
   */
  public InvalidParameterException(String parameter, String field, String message) {
    super(message);
    this.parameter = Objects.requireNonNull(parameter, "parameter");
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The parameter's name in the variant. */
  public String parameter() {
    return parameter;
  }

  /** {@code expr}, {@code min} or {@code max}. */
  public String field() {
    return field;
  }
}
