package dev.sextant.core.compat.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.Parameter;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.schema.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParametersTest {
  private static final Fingerprint H100_80GI =
      Fingerprint.of(
          Map.of("gpu[0].memory", Quantities.bytes("80Gi"), "cpu.cores", Fact.Number.of(112)));

  @Test
  void the_example_gpu_variant_on_an_h100_gets_a_batch_within_its_bounds() throws IOException {
    List<ParameterValue> values = exampleGpuParameters().resolve(fingerprint("h100.yaml"));

    assertThat(values)
        .containsExactly(
            new ParameterValue(
                "batchSize",
                Optional.of("39"),
                "gpu[0].memory / 2Gi = 81559Mi / 2Gi = 39.823…, rounded down to 39, within [8, 64]",
                Optional.empty()),
            new ParameterValue("workers", Optional.of("2"), "fixed", Optional.empty()));
  }

  @Test
  void the_example_gpu_variant_on_a_t4_is_raised_to_its_min() throws IOException {
    List<ParameterValue> values = exampleGpuParameters().resolve(fingerprint("t4.yaml"));

    assertThat(values.get(0))
        .isEqualTo(
            new ParameterValue(
                "batchSize",
                Optional.of("8"),
                "gpu[0].memory / 2Gi = 15Gi / 2Gi = 7.5, rounded down to 7, raised to min 8",
                Optional.empty()));
  }

  @Test
  void the_example_gpu_variant_on_a_host_without_a_gpu_says_which_fact_is_absent()
      throws IOException {
    List<ParameterValue> values = exampleGpuParameters().resolve(fingerprint("graviton-arm.yaml"));

    assertThat(values.get(0))
        .isEqualTo(
            new ParameterValue(
                "batchSize",
                Optional.empty(),
                "gpu[0].memory / 2Gi",
                Optional.of("fact gpu[0].memory is absent")));
    assertThat(values.get(1).value()).contains("2");
  }

  @Test
  void a_whole_result_within_bounds_says_so() {
    assertThat(resolve(derived("gpu[0].memory / 2Gi", "8", "64"), H100_80GI))
        .isEqualTo(
            new ParameterValue(
                "p",
                Optional.of("40"),
                "gpu[0].memory / 2Gi = 80Gi / 2Gi = 40, within [8, 64]",
                Optional.empty()));
  }

  @Test
  void a_result_above_max_is_capped() {
    assertThat(resolve(derived("gpu[0].memory / 512Mi", "8", "64"), H100_80GI).derivation())
        .isEqualTo("gpu[0].memory / 512Mi = 80Gi / 512Mi = 160, capped at max 64");
    assertThat(resolve(derived("gpu[0].memory / 512Mi", "8", "64"), H100_80GI).value())
        .contains("64");
  }

  @Test
  void precedence_parentheses_and_functions_are_shown_with_the_facts_values() {
    ParameterValue value =
        resolve(
            derived("min(cpu.cores / 4, (gpu[0].memory - 16Gi) / 8 GB) + floor(2.5)", null, null),
            H100_80GI);

    // (80Gi - 16Gi) / 8 GB = 68719476736 / 8e9 = 8.589...; 112 / 4 = 28; min is 8.589..., plus 2.
    assertThat(value.derivation())
        .isEqualTo(
            "min(cpu.cores / 4, (gpu[0].memory - 16Gi) / 8 GB) + floor(2.5) = min(112 / 4, (80Gi - 16Gi) / 8 GB) + floor(2.5) = 10.589…, rounded down to 10");
    assertThat(value.value()).contains("10");
  }

  @Test
  void an_amount_of_bytes_is_given_in_bytes_and_bounded_by_amounts() {
    ParameterValue value = resolve(derived("gpu[0].memory * 0.9", "1Gi", "64Gi"), H100_80GI);

    assertThat(value.value()).contains(String.valueOf(64L << 30));
    assertThat(value.derivation())
        .isEqualTo("gpu[0].memory * 0.9 = 80Gi * 0.9 = 72Gi, capped at max 64Gi");
  }

  @Test
  void an_expression_without_facts_is_shown_once() {
    assertThat(resolve(derived("3 * 4 - 2", null, null), H100_80GI).derivation())
        .isEqualTo("3 * 4 - 2 = 10");
  }

  @Test
  void division_by_zero_is_a_problem_with_its_column() {
    Fingerprint noCores = Fingerprint.of(Map.of("cpu.cores", Fact.Number.of(0)));

    assertThat(resolve(derived("64 / cpu.cores", null, null), noCores).problem())
        .contains("division by zero at column 4");
  }

  @Test
  void mixing_bytes_and_numbers_is_a_problem() {
    assertThat(resolve(derived("gpu[0].memory + 1", null, null), H100_80GI).problem())
        .contains("cannot add an amount of bytes and a number at column 15");
    assertThat(resolve(derived("cpu.cores / 1Gi", null, null), H100_80GI).problem())
        .contains("cannot divide a number by an amount of bytes at column 11");
    assertThat(resolve(derived("cpu.cores", "1Gi", null), H100_80GI).problem())
        .contains("min 1Gi is an amount of bytes, but the expression gives a number");
  }

  @Test
  void a_fact_that_is_not_an_amount_is_a_problem() {
    Fingerprint arm = Fingerprint.of(Map.of("cpu.arch", new Fact.Text("aarch64")));

    assertThat(resolve(derived("cpu.arch * 2", null, null), arm).problem())
        .contains("fact cpu.arch is string aarch64, not a number or an amount of bytes");
  }

  @Test
  void bad_expressions_are_refused_with_their_column() {
    assertRefused(
        "gpu[0].memory / ",
        "expr",
        "parameter p: expr \"gpu[0].memory /\" at column 16: the expression ends too soon; expected a number, a fact key, a function or \"(\"");
    assertRefused(
        "gpu[0].memory / 2Gb",
        "expr",
        "parameter p: expr \"gpu[0].memory / 2Gb\" at column 17: \"2Gb\" has an unknown unit \"Gb\"");
    assertRefused(
        "(cpu.cores / 2",
        "expr",
        "parameter p: expr \"(cpu.cores / 2\" at column 15: the expression ends too soon; expected \")\"");
    assertRefused(
        "cpu.cores 2",
        "expr",
        "parameter p: expr \"cpu.cores 2\" at column 11: unexpected \"2\"; expected an operator + - * / or the end");
    assertRefused(
        "mn(cpu.cores, 4)",
        "expr",
        "parameter p: expr \"mn(cpu.cores, 4)\" at column 1: unknown function \"mn\"; expected one of floor, max, min");
    assertRefused(
        "floor(cpu.cores, 4)",
        "expr",
        "parameter p: expr \"floor(cpu.cores, 4)\" at column 1: floor takes 1 argument, not 2");
    assertRefused(
        "Cpu.cores * 2",
        "expr",
        "parameter p: expr \"Cpu.cores * 2\" at column 1: \"Cpu.cores\" is not a fact key");
    assertRefused(
        "cpu.cores % 2",
        "expr", "parameter p: expr \"cpu.cores % 2\" at column 11: unexpected \"%\"");
  }

  @Test
  void deep_nesting_and_long_expressions_are_refused_before_they_exhaust_the_stack() {
    assertRefused(
        "(".repeat(1500) + "1" + ")".repeat(1500),
        "expr",
        "parameter p: expr \""
            + "(".repeat(80)
            + "…\" at column 65: the expression nests parentheses, function calls and minus signs"
            + " more than 64 levels deep; expected at most 64");
    assertThatThrownBy(
            () -> Parameters.prepare(Map.of("p", derived("-".repeat(4000) + "1", null, null))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("more than 64 levels deep");
    assertThatThrownBy(
            () -> Parameters.prepare(Map.of("p", derived("1" + " + 1".repeat(10_000), null, null))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining(
            "the expression has more than 256 numbers and fact keys; expected at most 256");
  }

  @Test
  void expressions_at_the_bounds_are_read_and_evaluated() {
    String deep = "(".repeat(63) + "-cpu.cores" + ")".repeat(63);
    assertThat(
            resolve(derived(deep + " + " + "1 + ".repeat(254) + "1", null, null), H100_80GI)
                .value())
        .contains("143");
  }

  @Test
  void a_number_of_too_many_digits_is_refused_at_its_column() {
    assertRefused(
        "cpu.cores * 1" + "0".repeat(600), "expr", "parameter p: expr \"cpu.cores * 1000");
    assertThatThrownBy(
            () ->
                Parameters.prepare(
                    Map.of("p", derived("cpu.cores * 1" + "0".repeat(600), null, null))))
        .hasMessageContaining(
            "at column 13: the number 100000000000000000000000… is written with 601 digits; expected at most 512");
  }

  @Test
  void a_bound_of_too_many_digits_is_refused_naming_the_field() {
    assertThatThrownBy(
            () ->
                Parameters.prepare(Map.of("p", derived("cpu.cores", "1" + "0".repeat(600), null))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(
            "parameter p: min the number 1"
                + "0".repeat(23)
                + "… is written with 601 digits; expected at most 512")
        .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("min"));
  }

  @Test
  void bad_bounds_are_refused_naming_the_field() {
    assertThatThrownBy(() -> Parameters.prepare(Map.of("p", derived("cpu.cores", "eight", null))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(
            "parameter p: min \"eight\" is not a whole number or an amount of bytes")
        .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("min"));
    assertThatThrownBy(() -> Parameters.prepare(Map.of("p", derived("cpu.cores", "64", "8"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("parameter p: max 8 is below min 64")
        .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("max"));
  }

  @Test
  void parameters_resolve_in_the_order_written() {
    Map<String, Parameter> written = new LinkedHashMap<>();
    written.put("zeta", new Parameter.Fixed("1", null));
    written.put("alpha", derived("cpu.cores", null, null));
    written.put("mid", new Parameter.Fixed("x", null));

    assertThat(Parameters.prepare(written).resolve(H100_80GI))
        .extracting(ParameterValue::name)
        .containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void a_parameter_value_has_a_value_or_a_problem_never_both() {
    assertThatThrownBy(() -> new ParameterValue("p", Optional.of("1"), "fixed", Optional.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParameterValue("p", Optional.empty(), "fixed", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(String expr, String field, String messageStart) {
    assertThatThrownBy(() -> Parameters.prepare(Map.of("p", derived(expr, null, null))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(messageStart)
        .satisfies(
            e -> {
              assertThat(((InvalidParameterException) e).parameter()).isEqualTo("p");
              assertThat(((InvalidParameterException) e).field()).isEqualTo(field);
            });
  }

  private static ParameterValue resolve(Parameter parameter, Fingerprint fingerprint) {
    return Parameters.prepare(Map.of("p", parameter)).resolve(fingerprint).get(0);
  }

  private static Parameter.Derived derived(String expr, String min, String max) {
    return new Parameter.Derived(expr, Optional.ofNullable(min), Optional.ofNullable(max), null);
  }

  private static Parameters exampleGpuParameters() {
    var document = Examples.named("releases/fraud-detector-1.4.0.yaml");
    ReleaseSpec release =
        (ReleaseSpec)
            Specs.read(
                Kind.fromDisplayName(document.path("kind").asText()).orElseThrow(),
                document.path("spec"));
    return Parameters.prepare(release.variant("gpu").orElseThrow().parameters());
  }

  private static Fingerprint fingerprint(String file) throws IOException {
    return FingerprintFiles.parse(file, Files.readAllBytes(Path.of("..", "fingerprints", file)));
  }
}
