package dev.sextant.core.compat.parameter;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter resolved for one environment.
 *
 * @param name the parameter's name in the variant
 * @param value the value to deploy with; empty when it could not be resolved
 * @param derivation how the value came about, e.g. {@code gpu[0].memory / 2Gi = 80Gi / 2Gi = 40,
 *     within [8, 64]}, or {@code fixed}
 * @param problem why there is no value, e.g. {@code fact gpu[0].memory is absent}; present exactly
 *     when {@code value} is empty
 */
public record ParameterValue(
    String name, Optional<String> value, String derivation, Optional<String> problem) {

  public ParameterValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(derivation, "derivation");
    if (value.isPresent() == problem.isPresent()) {
      throw new IllegalArgumentException(
          "parameter " + name + " needs either a value or a problem, not both or neither");
    }
  }
}
