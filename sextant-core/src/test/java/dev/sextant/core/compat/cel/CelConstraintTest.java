package dev.sextant.core.compat.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.spec.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CelConstraintTest {
  private static final Fingerprint H100 =
      Fingerprint.of(
          Map.of(
              "gpu[0].memory", Quantities.bytes("80Gi"),
              "gpu.count", Fact.Number.of(8),
              "cuda.driver.max", new Fact.Version("12.4"),
              "cpu.flags", Fact.Set.of(List.of("avx2", "fma", "avx512f")),
              "cpu.arch", new Fact.Text("x86_64"),
              "network.reach.postgres", new Fact.Flag(true),
              "load.average", new Fact.Number(new BigDecimal("0.75"))));

  @Test
  void a_true_expression_is_met_and_names_the_facts_it_reads() {
    Finding finding =
        evaluate(
            "facts[\"gpu[0].memory\"] >= quantity(\"40Gi\") && 'avx2' in facts['cpu.flags']", H100);

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("gpu[0].memory", "cpu.flags");
    assertThat(finding.required())
        .isEqualTo(
            "CEL: facts[\"gpu[0].memory\"] >= quantity(\"40Gi\") && 'avx2' in facts['cpu.flags']");
    assertThat(finding.observed())
        .isEqualTo("gpu[0].memory=85899345920 bytes (80.0 GiB), cpu.flags=avx2 avx512f fma");
    assertThat(finding.reason()).isEqualTo("The expression is true for these facts.");
  }

  @Test
  void a_false_expression_is_not_met() {
    Finding finding = evaluate("facts[\"gpu.count\"] > 8", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("gpu.count=8");
    assertThat(finding.reason()).isEqualTo("the expression is false for these facts");
  }

  @Test
  void versions_compare_by_segment_not_as_text() {
    assertThat(evaluate("versionAtLeast(facts['cuda.driver.max'], '12.4')", H100).met()).isTrue();
    assertThat(evaluate("versionAtLeast(facts['cuda.driver.max'], '12.10')", H100).met()).isFalse();
    assertThat(evaluate("versionCompare(facts['cuda.driver.max'], '9.0') == 1", H100).met())
        .isTrue();
    // As text, "12.4" < "9.0": the reason the functions exist.
    assertThat(evaluate("facts['cuda.driver.max'] < '9.0'", H100).met()).isTrue();
  }

  @Test
  void each_kind_of_fact_has_its_cel_type() {
    assertThat(evaluate("facts['cpu.arch'] == 'x86_64'", H100).met()).isTrue();
    assertThat(evaluate("facts['network.reach.postgres']", H100).met()).isTrue();
    assertThat(evaluate("facts['gpu.count'] == 8 && facts['gpu.count'] >= 7.5", H100).met())
        .isTrue();
    assertThat(evaluate("facts['load.average'] < 1.0", H100).met()).isTrue();
    assertThat(evaluate("facts['gpu[0].memory'] == 85899345920", H100).met()).isTrue();
    assertThat(evaluate("size(facts['cpu.flags']) == 3", H100).met()).isTrue();
    assertThat(evaluate("quantity('8 GB') == 8000000000", H100).met()).isTrue();
  }

  @Test
  void value_is_the_requirements_own_fact() {
    Constraint constraint =
        CelConstraint.prepare(
            requirement(Optional.of("gpu[0].memory"), "value >= quantity('16Gi')"));

    Finding finding = constraint.evaluate(H100);

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("gpu[0].memory");
  }

  @Test
  void an_absent_own_fact_is_not_met_and_observed_absent() {
    Constraint constraint =
        CelConstraint.prepare(
            requirement(Optional.of("gpu[1].memory"), "value >= quantity('16Gi')"));

    Finding finding = constraint.evaluate(H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.reason())
        .isEqualTo("Fact gpu[1].memory is absent, so the expression was not evaluated.");
  }

  @Test
  void an_absent_fact_in_facts_is_not_met_and_named() {
    Finding finding = evaluate("facts['gpu[0].memory'] > 0 && facts['gpu[1].memory'] > 0", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.facts()).containsExactly("gpu[0].memory", "gpu[1].memory");
    assertThat(finding.observed())
        .isEqualTo("gpu[0].memory=85899345920 bytes (80.0 GiB), gpu[1].memory=absent");
    assertThat(finding.reason())
        .isEqualTo("Fact gpu[1].memory is absent, so the expression cannot be evaluated.");
  }

  @Test
  void in_facts_tests_whether_a_fact_is_there() {
    assertThat(evaluate("!('gpu[1].memory' in facts) || facts['gpu[1].memory'] > 0", H100).met())
        .isTrue();
  }

  @Test
  void a_type_mismatch_is_not_met_with_the_error_in_words() {
    Finding finding = evaluate("facts['cpu.arch'] > 3", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .startsWith(
            "The expression cannot be evaluated: at character 19, No matching overload for function '_>_'");
  }

  @Test
  void a_bad_quantity_at_run_time_is_not_met() {
    Finding finding = evaluate("facts['gpu[0].memory'] > quantity(facts['cpu.arch'])", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "The expression cannot be evaluated: quantity(\"x86_64\"): \"x86_64\" is not a quantity; expected an amount of bytes such as 24Gi, 8 GB, 16384 MiB or a plain number of bytes.");
  }

  @Test
  void a_function_given_the_wrong_type_at_run_time_is_not_met() {
    Finding finding = evaluate("versionAtLeast(facts['gpu.count'], '1')", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).contains("No matching overload for function 'versionAtLeast'");
  }

  @Test
  void macros_work_over_sets_and_lists() {
    assertThat(evaluate("['avx2', 'fma'].all(f, f in facts['cpu.flags'])", H100).met()).isTrue();
    assertThat(evaluate("facts['cpu.flags'].exists(f, f.startsWith('avx512'))", H100).met())
        .isTrue();
  }

  @Test
  void an_expression_that_iterates_too_long_is_stopped_and_not_met() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add("flag" + i);
    }
    Fingerprint host = Fingerprint.of(Map.of("cpu.flags", Fact.Set.of(many)));

    Finding finding =
        evaluate("facts['cpu.flags'].all(a, facts['cpu.flags'].all(b, a != b || a == b))", host);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "The expression cannot be evaluated: at character 23, Iteration budget exceeded: 10000.");
  }

  @Test
  void a_result_that_is_not_a_bool_is_not_met() {
    Finding finding = evaluate("facts['cpu.arch']", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo("The expression gave x86_64, not true or false, so the requirement is not met.");
  }

  @Test
  void an_expression_that_does_not_parse_is_refused_with_its_column() {
    assertThatThrownBy(
            () -> CelConstraint.prepare(requirement(Optional.empty(), "facts['gpu.count'] >")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageStartingWith(
            "CEL expression \"facts['gpu.count'] >\" does not compile: column 21: mismatched input '<EOF>'")
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("cel");
  }

  @Test
  void an_undeclared_name_is_refused_with_its_column() {
    assertThatThrownBy(
            () -> CelConstraint.prepare(requirement(Optional.empty(), "fact['gpu.count'] > 1")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessage(
            "CEL expression \"fact['gpu.count'] > 1\" does not compile: column 1: undeclared reference to 'fact' (in container '')");
  }

  @Test
  void an_expression_that_is_not_a_bool_is_refused() {
    assertThatThrownBy(
            () -> CelConstraint.prepare(requirement(Optional.empty(), "quantity('16Gi') + 1")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessage(
            "CEL expression \"quantity('16Gi') + 1\" gives int; a requirement must give a bool (true when it is met)");
  }

  @Test
  void a_misspelt_quantity_literal_is_refused_before_any_host() {
    assertThatThrownBy(
            () ->
                CelConstraint.prepare(
                    requirement(Optional.empty(), "facts['memory.total'] >= quantity('16Gb')")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageStartingWith(
            "CEL expression \"facts['memory.total'] >= quantity('16Gb')\" at column 36: \"16Gb\" has an unknown unit \"Gb\"");
  }

  @Test
  void a_requirement_without_an_expression_is_refused() {
    assertThatThrownBy(() -> CelConstraint.prepare(requirement(Optional.empty(), " ")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessage("the requirement has no CEL expression in cel");
  }

  @Test
  void one_compiled_expression_is_evaluated_from_many_threads_at_once() throws Exception {
    Constraint constraint =
        CelConstraint.prepare(
            requirement(Optional.empty(), "facts['gpu[0].memory'] >= quantity('40Gi')"));
    List<Fingerprint> hosts = new ArrayList<>();
    for (int gib = 1; gib <= 80; gib++) {
      hosts.add(Fingerprint.of(Map.of("gpu[0].memory", Quantities.bytes(gib + "Gi"))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 50; round++) {
        for (Fingerprint host : hosts) {
          results.add(pool.submit(() -> constraint.evaluate(host).met()));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        int gib = i % hosts.size() + 1;
        assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("%d GiB", gib).isEqualTo(gib >= 40);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Finding evaluate(String expression, Fingerprint fingerprint) {
    return CelConstraint.prepare(requirement(Optional.empty(), expression)).evaluate(fingerprint);
  }

  static Requirement requirement(Optional<String> fact, String cel) {
    return new Requirement(
        fact,
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.of(cel),
        Optional.empty(),
        null);
  }
}
