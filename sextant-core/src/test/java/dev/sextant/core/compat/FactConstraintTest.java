package dev.sextant.core.compat;

import static dev.sextant.core.compat.Fixtures.fingerprint;
import static dev.sextant.core.compat.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.core.schema.Examples;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactConstraintTest {
  private static final Fingerprint H100 = fingerprint("h100.yaml");
  private static final Fingerprint H100_NEW_DRIVER = fingerprint("h100-new-driver.yaml");
  private static final Fingerprint T4 = fingerprint("t4.yaml");
  private static final Fingerprint GRAVITON = fingerprint("graviton-arm.yaml");

  private static Finding check(String requirement, Fingerprint fingerprint) {
    return FactConstraint.prepare(yaml(requirement)).evaluate(fingerprint);
  }

  // quantities

  @Test
  void a_minimum_quantity_is_met_or_says_how_much_there_is() {
    Constraint constraint = FactConstraint.prepare(yaml("{fact: memory.total, min: 64Gi}"));
    Finding h100 = constraint.evaluate(H100);
    assertThat(h100.met()).isTrue();
    assertThat(h100.facts()).containsExactly("memory.total");
    assertThat(h100.required()).isEqualTo("memory.total ≥ 64Gi");
    assertThat(h100.observed()).isEqualTo("2199023255552 bytes (2.0 TiB)");
    Finding t4 = constraint.evaluate(T4);
    assertThat(t4.met()).isFalse();
    assertThat(t4.observed()).isEqualTo("34359738368 bytes (32.0 GiB)");
    assertThat(t4.reason())
        .isEqualTo("memory.total is 34359738368 bytes (32.0 GiB), below the minimum 64Gi");
    assertThat(constraint.evaluate(GRAVITON).met()).isTrue();
  }

  @Test
  void quantities_are_read_in_any_unit_people_write() {
    assertThat(check("{fact: memory.total, min: 8 GB}", T4).met()).isTrue();
    assertThat(check("{fact: memory.total, min: 34359738368}", T4).met()).isTrue();
    assertThat(check("{fact: memory.total, min: 34359738369}", T4).met()).isFalse();
    assertThat(check("{fact: memory.total, equals: 32Gi}", T4).met()).isTrue();
    assertThat(check("{fact: memory.total, equals: 32G}", T4).met()).isFalse();
    assertThat(check("{fact: memory.total, max: 1Ti}", T4).met()).isTrue();
    Finding tooBig = check("{fact: memory.total, max: 1Ti}", H100);
    assertThat(tooBig.met()).isFalse();
    assertThat(tooBig.reason())
        .isEqualTo("memory.total is 2199023255552 bytes (2.0 TiB), above the maximum 1Ti");
    assertThat(check("{fact: 'gpu[0].memory', min: 80Gi}", H100).met()).isFalse();
    assertThat(check("{fact: 'gpu[0].memory', min: 79Gi}", H100).met()).isTrue();
    assertThat(check("{fact: memory.total, in: [32Gi, 64Gi]}", GRAVITON).met()).isTrue();
    assertThat(check("{fact: memory.total, in: [32Gi, 64Gi]}", H100).reason())
        .isEqualTo("memory.total is 2199023255552 bytes (2.0 TiB), not one of 32Gi, 64Gi");
  }

  @Test
  void min_and_max_together_are_both_required() {
    Constraint between = FactConstraint.prepare(yaml("{fact: memory.total, min: 16Gi, max: 64Gi}"));
    assertThat(between.evaluate(T4).met()).isTrue();
    assertThat(between.evaluate(H100).met()).isFalse();
    assertThat(between.evaluate(T4).required()).isEqualTo("memory.total ≥ 16Gi and ≤ 64Gi");
  }

  // numbers

  @Test
  void numbers_compare_as_decimals() {
    assertThat(check("{fact: gpu.count, min: 2}", H100).met()).isTrue();
    Finding one = check("{fact: gpu.count, min: 2}", T4);
    assertThat(one.met()).isFalse();
    assertThat(one.reason()).isEqualTo("gpu.count is 1, below the minimum 2");
    assertThat(check("{fact: gpu.count, equals: 8.0}", H100).met()).isTrue();
    assertThat(check("{fact: cpu.cores, max: 64}", H100).met()).isFalse();
    assertThat(check("{fact: cpu.cores, in: [4, 8]}", T4).met()).isTrue();
  }

  // versions

  @Test
  void a_python_range_uses_pep_440_by_default_and_says_so() {
    Constraint constraint =
        FactConstraint.prepare(yaml("{fact: python.version, range: '>=3.10,<3.13'}"));
    Finding finding = constraint.evaluate(H100);
    assertThat(finding.met()).isTrue();
    assertThat(finding.required()).isEqualTo("python.version in >=3.10,<3.13 (PEP 440)");
    assertThat(finding.observed()).isEqualTo("3.11.9");
    Finding old = constraint.evaluate(H100.with("python.version", new Fact.Version("3.9.18")));
    assertThat(old.met()).isFalse();
    assertThat(old.reason())
        .isEqualTo("python.version 3.9.18 is not in >=3.10,<3.13 (at least 3.10 and below 3.13)");
    assertThat(
            constraint.evaluate(H100.with("python.version", new Fact.Version("3.13.0rc1"))).met())
        .isFalse();
  }

  @Test
  void a_named_scheme_overrides_the_default() {
    assertThat(check("{fact: python.version, range: '^3.11', scheme: semver}", GRAVITON).met())
        .isTrue();
    assertThat(check("{fact: python.version, range: '^3.12', scheme: semver}", GRAVITON).met())
        .isFalse();
    assertThat(check("{fact: python.version, range: '^3.11', scheme: semver}", GRAVITON).required())
        .isEqualTo("python.version in ^3.11 (semver)");
  }

  @Test
  void driver_and_kernel_versions_compare_by_their_numbers() {
    assertThat(check("{fact: gpu.driver.version, min: 550.54.14}", H100).met()).isTrue();
    assertThat(check("{fact: gpu.driver.version, min: 550.54.14}", H100_NEW_DRIVER).met()).isTrue();
    Finding t4 = check("{fact: gpu.driver.version, min: 550.54.14}", T4);
    assertThat(t4.met()).isFalse();
    assertThat(t4.reason())
        .isEqualTo("gpu.driver.version is 535.104.05, below the minimum 550.54.14");
    assertThat(
            check("{fact: gpu.driver.version, range: '>=550.54.14,<555'}", H100_NEW_DRIVER).met())
        .isFalse();
    assertThat(check("{fact: gpu.driver.version, range: '>=550.54.14,<555'}", H100).required())
        .isEqualTo("gpu.driver.version in >=550.54.14,<555 (dotted)");
    assertThat(check("{fact: kernel.version, range: '<6'}", H100).met()).isTrue();
    assertThat(check("{fact: kernel.version, range: '<6'}", T4).met()).isFalse();
    assertThat(check("{fact: kernel.version, range: '>=6.1.100'}", T4).met()).isTrue();
    assertThat(check("{fact: libc.version, min: '2.35'}", T4).met()).isFalse();
    assertThat(check("{fact: cuda.driver.max, min: '12.4'}", H100).met()).isTrue();
    assertThat(check("{fact: 'gpu[0].compute_capability', min: '8.0'}", T4).met()).isFalse();
  }

  @Test
  void version_equality_and_membership_follow_the_fingerprints_order() {
    assertThat(check("{fact: os.version, equals: '22.04'}", H100).met()).isTrue();
    assertThat(check("{fact: os.version, equals: '22.4'}", H100).met()).isTrue();
    assertThat(check("{fact: os.version, in: ['20.04', '22.04']}", H100).met()).isTrue();
    assertThat(check("{fact: os.version, in: ['20.04', '24.04']}", H100).reason())
        .isEqualTo("os.version is 22.04, not one of 20.04, 24.04");
    assertThat(check("{fact: python.version, equals: '3.11.9'}", H100).met()).isTrue();
    assertThat(check("{fact: python.version, equals: '3.11'}", H100).met()).isFalse();
    assertThat(check("{fact: python.version, max: '3.11'}", H100).required())
        .isEqualTo("python.version ≤ 3.11 (PEP 440)");
  }

  @Test
  void package_versions_with_suffixes_compare_without_a_scheme() {
    Fingerprint host = H100.with("packages.libcudnn8", new Fact.Version("8.9.7.29-1+cuda12.2"));
    assertThat(check("{fact: packages.libcudnn8, min: '8.9.7.29-1+cuda12.2'}", host).met())
        .isTrue();
    assertThat(check("{fact: packages.libcudnn8, min: '8.9.7'}", host).met()).isTrue();
    assertThat(check("{fact: packages.libcudnn8, max: '8.9'}", host).met()).isFalse();
  }

  // strings, flags, sets and lists

  @Test
  void strings_are_compared_exactly() {
    Finding arm = check("{fact: cpu.arch, equals: x86_64}", GRAVITON);
    assertThat(arm.met()).isFalse();
    assertThat(arm.required()).isEqualTo("cpu.arch = x86_64");
    assertThat(arm.observed()).isEqualTo("aarch64");
    assertThat(arm.reason()).isEqualTo("cpu.arch is aarch64, not x86_64");
    assertThat(check("{fact: cpu.arch, equals: X86_64}", H100).met()).isFalse();
    Finding either = check("{fact: cpu.arch, in: [x86_64, aarch64]}", GRAVITON);
    assertThat(either.met()).isTrue();
    assertThat(either.required()).isEqualTo("cpu.arch one of x86_64, aarch64");
    assertThat(check("{fact: cpu.arch, in: [ppc64le, s390x]}", H100).reason())
        .isEqualTo("cpu.arch is x86_64, not one of ppc64le, s390x");
  }

  @Test
  void a_set_must_include_every_listed_name_and_the_reason_names_the_missing_ones() {
    Constraint constraint =
        FactConstraint.prepare(yaml("{fact: cpu.flags, includes: [avx2, fma]}"));
    assertThat(constraint.evaluate(H100).met()).isTrue();
    assertThat(constraint.evaluate(T4).met()).isTrue();
    Finding arm = constraint.evaluate(GRAVITON);
    assertThat(arm.met()).isFalse();
    assertThat(arm.required()).isEqualTo("cpu.flags includes avx2, fma");
    assertThat(arm.observed()).isEqualTo("asimd atomics crc32 fp sha2 sve");
    assertThat(arm.reason()).isEqualTo("cpu.flags lacks avx2, fma");
    assertThat(check("{fact: cpu.flags, includes: [avx2, avx512f, amx_bf16]}", T4).reason())
        .isEqualTo("cpu.flags lacks amx_bf16");
  }

  @Test
  void a_list_must_include_every_listed_item() {
    Fingerprint host =
        H100.with(
            "python.tags",
            new Fact.Sequence(List.of("cp311-cp311-manylinux_2_35_x86_64", "py3-none-any")));
    assertThat(check("{fact: python.tags, includes: [py3-none-any]}", host).met()).isTrue();
    assertThat(
            check("{fact: python.tags, includes: [cp312-cp312-manylinux_2_35_x86_64]}", host)
                .reason())
        .isEqualTo("python.tags lacks cp312-cp312-manylinux_2_35_x86_64");
  }

  @Test
  void flags_compare_with_true_or_false() {
    Fingerprint reachable = H100.with("network.reach.payments_db", new Fact.Flag(true));
    Fingerprint cut = H100.with("network.reach.payments_db", new Fact.Flag(false));
    Constraint constraint =
        FactConstraint.prepare(yaml("{fact: network.reach.payments_db, equals: true}"));
    assertThat(constraint.evaluate(reachable).met()).isTrue();
    Finding finding = constraint.evaluate(cut);
    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("network.reach.payments_db is false, not true");
    assertThat(finding.required()).isEqualTo("network.reach.payments_db = true");
    assertThat(check("{fact: network.reach.payments_db, equals: 'False'}", cut).met()).isTrue();
    assertThat(check("{fact: network.reach.payments_db, in: [true, false]}", cut).met()).isTrue();
  }

  // presence

  @Test
  void an_absent_fact_meets_nothing_but_exists_false() {
    Finding absent = check("{fact: gpu.count, min: 1}", GRAVITON);
    assertThat(absent.met()).isFalse();
    assertThat(absent.observed()).isEqualTo(Finding.ABSENT);
    assertThat(absent.reason()).isEqualTo("gpu.count is absent");
    assertThat(check("{fact: gpu.driver.version, exists: true}", GRAVITON).met()).isFalse();
    assertThat(check("{fact: gpu.driver.version, exists: true}", T4).met()).isTrue();
    assertThat(check("{fact: gpu.driver.version, exists: true}", T4).required())
        .isEqualTo("gpu.driver.version exists");
    Finding none = check("{fact: gpu.driver.version, exists: false}", GRAVITON);
    assertThat(none.met()).isTrue();
    assertThat(none.required()).isEqualTo("gpu.driver.version does not exist");
    Finding present = check("{fact: gpu.driver.version, exists: false}", T4);
    assertThat(present.met()).isFalse();
    assertThat(present.reason())
        .isEqualTo("gpu.driver.version is present (535.104.05) but must be absent");
    assertThat(check("{fact: gpu.count, exists: true, min: 4}", T4).met()).isFalse();
    assertThat(check("{fact: gpu.count, exists: true, min: 4}", H100).met()).isTrue();
  }

  // keys without a registered type

  @Test
  void an_unregistered_fact_is_compared_by_the_type_the_environment_reports() {
    Constraint min = FactConstraint.prepare(yaml("{fact: site.power.kw, min: 10}"));
    assertThat(min.evaluate(H100.with("site.power.kw", Fact.Number.of(12))).met()).isTrue();
    assertThat(
            min.evaluate(H100.with("site.power.kw", new Fact.Number(new BigDecimal("9.5")))).met())
        .isFalse();
    assertThat(min.evaluate(H100.with("site.power.kw", new Fact.Version("10.2"))).met()).isTrue();
    Constraint rack = FactConstraint.prepare(yaml("{fact: site.rack, equals: r12}"));
    assertThat(rack.evaluate(H100.with("site.rack", new Fact.Text("r12"))).met()).isTrue();
    assertThat(rack.evaluate(H100.with("site.rack", new Fact.Text("r13"))).reason())
        .isEqualTo("site.rack is r13, not r12");
    Constraint size = FactConstraint.prepare(yaml("{fact: site.scratch, min: 100Gi}"));
    assertThat(size.evaluate(H100.with("site.scratch", Fact.Quantity.bytes(200L << 30))).met())
        .isTrue();
    Finding text = size.evaluate(H100.with("site.scratch", new Fact.Text("plenty")));
    assertThat(text.met()).isFalse();
    assertThat(text.reason())
        .isEqualTo("site.scratch is a string (plenty), which min cannot be compared with");
    Constraint features = FactConstraint.prepare(yaml("{fact: site.features, includes: [rdma]}"));
    assertThat(
            features
                .evaluate(H100.with("site.features", Fact.Set.of(List.of("rdma", "nvlink"))))
                .met())
        .isTrue();
  }

  // bad operands

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{min: 16Gi}| fact| needs fact",
        "{fact: memory.total}| fact| has no operator",
        "{fact: memory.total, min: lots}| min| is not a quantity",
        "{fact: memory.total, max: 16Gb}| max| unknown unit",
        "{fact: memory.total, equals: -1Gi}| equals| negative",
        "{fact: memory.total, in: [16Gi, some]}| in| is not a quantity",
        "{fact: memory.total, range: '>=16Gi'}| range| applies to versions",
        "{fact: memory.total, min: 16Gi, scheme: semver}| scheme| applies to version facts",
        "{fact: gpu.count, min: two}| min| expected a number",
        "{fact: gpu.count, min: '1e999999999'}| min| the number 1e999999999 is out of range",
        "{fact: python.version, range: '^3.10'}| range| not a PEP 440 range",
        "{fact: python.version, range: '>=3.10', scheme: dotted, min: '3.x'}| min| not a dotted range",
        "{fact: gpu.driver.version, range: '>=550.54.14rc1'}| range| expected dotted numbers",
        "{fact: gpu.driver.version, range: '^550', scheme: pep440}| range| PEP 440",
        "{fact: packages.node, range: '^20 junk'}| range| npm",
        "{fact: gpu.driver.version, includes: [a]}| includes| applies to sets and lists",
        "{fact: cpu.arch, min: x86}| min| applies to quantities, numbers and versions",
        "{fact: cpu.arch, range: '>=1'}| range| applies to versions",
        "{fact: cpu.arch, includes: [x86]}| includes| applies to sets and lists",
        "{fact: cpu.flags, equals: avx2}| equals| use includes",
        "{fact: cpu.flags, in: [avx2]}| in| use includes",
        "{fact: cpu.flags, includes: ['']}| includes| empty name",
        "{fact: network.reach.db, equals: open}| equals| expected true or false",
        "{fact: network.reach.db, in: [true, maybe]}| in| expected true or false",
        "{fact: gpu.count, exists: false, min: 1}| exists| cannot be combined",
        "{fact: site.thing, range: '>=1', scheme: pep440, min: 'a b'}| min| not a PEP 440 version",
      })
  void a_bad_operand_names_its_field_and_what_was_expected(
      String requirement, String field, String problem) {
    assertThatThrownBy(() -> FactConstraint.prepare(yaml(requirement)))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class, e -> assertThat(e.field()).isEqualTo(field.strip()))
        .hasMessageContaining(problem.strip());
  }

  @Test
  void has_operators_sees_each_one() {
    assertThat(FactConstraint.hasOperators(yaml("{fact: a.b}"))).isFalse();
    assertThat(FactConstraint.hasOperators(yaml("{rule: cuda}"))).isFalse();
    for (String op :
        List.of(
            "equals: x",
            "min: 1",
            "max: 1",
            "range: '>=1'",
            "in: [x]",
            "includes: [x]",
            "exists: false")) {
      assertThat(FactConstraint.hasOperators(yaml("{fact: a.b, " + op + "}"))).as(op).isTrue();
    }
  }

  // the example releases

  @Test
  void the_fraud_detector_cpu_variant_fits_the_x86_hosts_and_not_graviton() {
    List<Constraint> cpu = factRequirements("releases/fraud-detector-1.4.0.yaml", "cpu");
    assertThat(cpu).hasSize(3);
    for (Fingerprint x86 : List.of(H100, H100_NEW_DRIVER, T4)) {
      assertThat(cpu).allSatisfy(c -> assertThat(c.evaluate(x86).met()).as(c.toString()).isTrue());
    }
    assertThat(
            cpu.stream().map(c -> c.evaluate(GRAVITON)).filter(f -> !f.met()).map(Finding::reason))
        .containsExactly("cpu.arch is aarch64, not x86_64", "cpu.flags lacks avx2, fma");
  }

  @Test
  void every_fact_requirement_in_the_examples_prepares_and_evaluates_on_every_fingerprint() {
    Map<String, Integer> counted = new java.util.TreeMap<>();
    for (var file : Examples.files()) {
      var document = Examples.read(file);
      if (!file.getParent().endsWith("releases")
          || !document.path("kind").asText().equals("Release")) {
        continue;
      }
      ReleaseSpec release = (ReleaseSpec) Specs.read(Kind.RELEASE, document.path("spec"));
      for (Variant variant : release.variants()) {
        for (Requirement requirement : variant.requirements()) {
          if (requirement.fact().isPresent()) {
            Constraint constraint = FactConstraint.prepare(requirement);
            for (Fingerprint fp : List.of(H100, H100_NEW_DRIVER, T4, GRAVITON)) {
              assertThat(constraint.evaluate(fp).required()).startsWith(requirement.fact().get());
            }
            counted.merge(file.getFileName().toString(), 1, Integer::sum);
          }
        }
      }
    }
    assertThat(counted)
        .containsKeys(
            "checkout-web-3.2.0.yaml", "fraud-detector-1.4.0.yaml", "payments-api-2.4.0.yaml");
  }

  @Test
  void one_prepared_constraint_gives_the_same_findings_from_many_threads() {
    Constraint constraint =
        FactConstraint.prepare(yaml("{fact: python.version, range: '>=3.11,<3.12'}"));
    List<Fingerprint> hosts =
        List.of(H100, T4, GRAVITON, H100.with("python.version", new Fact.Version("3.12.1")));
    List<Boolean> expected = hosts.stream().map(h -> constraint.evaluate(h).met()).toList();
    assertThat(expected).containsExactly(true, true, true, false);
    List<Boolean> parallel =
        IntStream.range(0, 20_000)
            .parallel()
            .mapToObj(i -> constraint.evaluate(hosts.get(i % 4)).met() == expected.get(i % 4))
            .toList();
    assertThat(parallel).containsOnly(true);
  }

  private static List<Constraint> factRequirements(String example, String variantName) {
    ReleaseSpec release =
        (ReleaseSpec) Specs.read(Kind.RELEASE, Examples.named(example).path("spec"));
    Variant variant =
        release.variants().stream()
            .filter(v -> v.name().equals(variantName))
            .findFirst()
            .orElseThrow();
    return variant.requirements().stream()
        .filter(r -> r.fact().isPresent())
        .map(FactConstraint::prepare)
        .toList();
  }
}
