package dev.sextant.core.compat.parameter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.spec.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever the text, a parameter expression is refused when prepared, or resolves against a
 * fingerprint to a value or a problem: never another exception, never a stack overflow.
 */
class ExpressionFuzzTest {
  private static final Fingerprint HOST =
      Fingerprint.of(
          Map.of(
              "gpu[0].memory",
              Quantities.bytes("80Gi"),
              "cpu.cores",
              Fact.Number.of(112),
              "memory.total",
              Quantities.bytes("1Ti")));

  @FuzzTest
  void any_expression_is_refused_or_resolves(byte[] input) {
    Parameter derived =
        new Parameter.Derived(
            new String(input, StandardCharsets.UTF_8), Optional.empty(), Optional.empty(), null);
    Parameters parameters;
    try {
      parameters = Parameters.prepare(Map.of("p", derived));
    } catch (InvalidParameterException refused) {
      return;
    }
    parameters.resolve(HOST);
  }
}
