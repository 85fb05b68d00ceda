package dev.sextant.core.compat.parameter;

import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A variant's parameters, prepared once and resolved against any number of fingerprints.
 *
 * <p>A derived parameter's {@code expr} is a small arithmetic language over facts: {@code + - * /}
 * with parentheses, numbers ({@code 2}, {@code 0.5}), amounts of bytes ({@code 2Gi}, {@code 512Mi},
 * {@code 8 GB}, read by {@link dev.sextant.core.fingerprint.Quantities}), fact keys ({@code
 * gpu[0].memory}, {@code cpu.cores}) and {@code min(a, b)}, {@code max(a, b)}, {@code floor(x)}.
 * Amounts keep their unit: bytes divided by bytes is a number, bytes times a number is bytes, and
 * adding a number to bytes is a problem. Arithmetic is exact; the result is rounded down to a whole
 * number and then kept within {@code min} and {@code max}, and the derivation says each step
 * ({@code gpu[0].memory / 2Gi = 15Gi / 2Gi = 7.5, rounded down to 7, raised to min 8}). Rounding
 * down is the safe direction for what such parameters are: counts that must fit on the host. A
 * result in bytes is given as a plain number of bytes; {@code min} and {@code max} are whole
 * numbers, or amounts such as {@code 4Gi} for a result in bytes.
 *
 * <p>The language is parsed by hand rather than written in CEL: CEL has no units, so {@code
 * gpu[0].memory / 2Gi} would become {@code facts["gpu[0].memory"] / quantity("2Gi")}, integer
 * division would hide the 7.5 that the derivation should show, and a dozen lines of grammar give
 * errors that name the column in our own words.
 *
 * <p>Immutable and thread-safe.
 */
public final class Parameters {
  private final List<Function<Fingerprint, ParameterValue>> parameters;

  private Parameters(List<Function<Fingerprint, ParameterValue>> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /**
   * Parses each derived parameter's expression, min and max, once.
   *
   * @throws InvalidParameterException for the first parameter that cannot be read, naming it, the
   *     field and, for an expression, the column
   */
  public static Parameters prepare(Map<String, Parameter> parameters) {
    List<Function<Fingerprint, ParameterValue>> prepared = new ArrayList<>();
    parameters.forEach(
        (name, parameter) -> {
          if (parameter instanceof Parameter.Derived derived) {
            prepared.add(DerivedParameter.prepare(name, derived)::resolve);
          } else {
            String value = ((Parameter.Fixed) parameter).value();
            ParameterValue fixed =
                new ParameterValue(name, Optional.of(value), "fixed", Optional.empty());
            prepared.add(fingerprint -> fixed);
          }
        });
    return new Parameters(prepared);
  }

  /** Every parameter's value on this fingerprint, in the order written, or why there is none. */
  public List<ParameterValue> resolve(Fingerprint fingerprint) {
    return parameters.stream().map(parameter -> parameter.apply(fingerprint)).toList();
  }
}
