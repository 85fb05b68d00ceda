package dev.sextant.core.compat.parameter;

import dev.sextant.core.document.NumberBounds;
import dev.sextant.core.fingerprint.Quantities;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A parameter's min or max as written: a whole number ({@code 8}), which bounds a count or, as in
 * {@link Quantities}, a number of bytes; or an amount with a unit ({@code 4Gi}), which only bounds
 * bytes.
 */
record Bound(String written, BigDecimal amount, boolean hasUnit) {
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

  /**
   * @throws InvalidParameterException naming the parameter and field when {@code written} is
   *     neither a whole number nor an amount of bytes
   */
  static Bound parse(String parameter, String field, String written) {
    String text = written.strip();
    if (WHOLE.matcher(text).matches()) {
      NumberBounds.problem(text)
          .ifPresent(
              problem -> {
                throw new InvalidParameterException(
                    parameter, field, "parameter " + parameter + ": " + field + " " + problem);
              });
      return new Bound(text, new BigDecimal(text), false);
    }
    try {
      return new Bound(text, Quantities.parse(text), true);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          parameter,
          field,
          "parameter "
              + parameter
              + ": "
              + field
              + " \""
              + written
              + "\" is not a whole number or an amount of bytes ("
              + e.getMessage()
              + ")");
    }
  }

  /** Whether this bound can bound {@code result}: one with a unit only bounds bytes. */
  boolean fits(Amount result) {
    return result.bytes() || !hasUnit;
  }
}
