package dev.sextant.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.fingerprint.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Supposed facts typed as the environments have them, applied where they have them. */
class WhatIfTest {
  private static final Path FINGERPRINTS = Path.of("..", "fingerprints");

  private final Target h100 = target("prod-eu", "h100.yaml");
  private final Target arm = target("graviton", "graviton-arm.yaml");

  @Test
  void a_supposed_driver_replaces_the_driver_and_cuda_driver_max_follows_from_nvidias_table() {
    HypotheticalTarget supposed = whatIf("gpu.driver.version=535.104.05").apply(h100);

    Fingerprint facts = supposed.whatIf().fingerprint();
    assertThat(facts.fact("gpu.driver.version")).contains(new Fact.Version("535.104.05"));
    assertThat(facts.fact("cuda.driver.max")).contains(new Fact.Version("12.2"));
    assertThat(supposed.facts())
        .extracting(HypotheticalFact::describe)
        .containsExactly(
            "gpu.driver.version 550.54.15 → 535.104.05",
            "cuda.driver.max 12.4 → 12.2 (from gpu.driver.version)");
    assertThat(supposed.whatIf().digest())
        .isEqualTo(facts.digests().whole())
        .isNotEqualTo(h100.digest());
    assertThat(supposed.whatIf().environment()).isEqualTo("prod-eu");
    assertThat(supposed.today()).isSameAs(h100);
  }

  @Test
  void
      the_supposed_environment_keeps_its_signature_check_and_drift_block_as_a_what_if_asks_about_facts() {
    Verification trusted =
        new Verification(Verification.Outcome.VALID, Optional.of("key-1"), "signed by key-1");
    Target checked =
        new Target(
            "prod-eu",
            Target.Origin.FINGERPRINT_FILE,
            h100.fingerprint(),
            h100.digest(),
            Optional.of(trusted),
            Optional.of("drift blocks deployments"));

    Target supposed = whatIf("gpu.driver.version=535.104.05").apply(checked).whatIf();

    assertThat(supposed.verification()).contains(trusted);
    assertThat(supposed.blocked()).contains("drift blocks deployments");
    assertThat(supposed.fingerprint().signature()).isEmpty();
  }

  @Test
  void cuda_driver_max_supposed_as_well_is_kept_as_given() {
    HypotheticalTarget supposed =
        whatIf("gpu.driver.version=575.57.08", "cuda.driver.max=12.8").apply(h100);

    assertThat(supposed.whatIf().fingerprint().fact("cuda.driver.max"))
        .contains(new Fact.Version("12.8"));
    assertThat(supposed.facts()).allMatch(f -> f.derivedFrom().isEmpty());
  }

  @Test
  void a_driver_older_than_every_cuda_release_in_the_table_leaves_no_cuda_driver_max() {
    HypotheticalTarget supposed = whatIf("gpu.driver.version=396.26").apply(h100);

    assertThat(supposed.whatIf().fingerprint().fact("cuda.driver.max")).isEmpty();
    assertThat(supposed.facts())
        .anySatisfy(
            f -> {
              assertThat(f.key()).isEqualTo("cuda.driver.max");
              assertThat(f.whatIf()).isEmpty();
            });
  }

  @Test
  void an_environment_without_the_fact_and_one_that_already_has_the_value_are_left_as_they_are() {
    WhatIf whatIf = whatIf("gpu.driver.version=550.54.15");

    HypotheticalTarget cpuOnly = whatIf.apply(arm);
    HypotheticalTarget same = whatIf.apply(h100);

    assertThat(cpuOnly.whatIf()).isSameAs(arm);
    assertThat(cpuOnly.facts()).isEmpty();
    assertThat(cpuOnly.whatIf().fingerprint().fact("gpu.driver.version")).isEmpty();
    assertThat(same.whatIf()).isSameAs(h100);
  }

  @Test
  void values_take_the_type_of_the_fact_quantities_in_bytes_sets_from_commas_numbers_as_numbers() {
    WhatIf whatIf =
        whatIf("memory.total=512Gi", "cpu.flags=avx2, fma", "gpu.count=4", "os.version=24.04");

    assertThat(whatIf.facts().get("memory.total")).isEqualTo(Quantities.bytes("512Gi"));
    assertThat(whatIf.facts().get("cpu.flags")).isEqualTo(Fact.Set.of(List.of("avx2", "fma")));
    assertThat(whatIf.facts().get("gpu.count")).isEqualTo(Fact.Number.of(4));
    assertThat(whatIf.facts().get("os.version")).isEqualTo(new Fact.Version("24.04"));
  }

  @Test
  void a_fact_no_environment_has_is_refused_with_the_nearest_one_that_some_has() {
    assertThatThrownBy(() -> whatIf("gpu.driver.versoin=575.57.08"))
        .isInstanceOf(WhatIfException.class)
        .hasMessageContaining("no environment of this plan has the fact gpu.driver.versoin")
        .hasMessageContaining("did you mean \"gpu.driver.version\"?");
  }

  @Test
  void a_value_not_of_the_facts_type_is_refused_saying_what_the_type_expects() {
    assertThatThrownBy(() -> whatIf("gpu.driver.version=latest"))
        .isInstanceOf(WhatIfException.class)
        .hasMessage(
            "gpu.driver.version=latest: \"latest\" is not a version; gpu.driver.version is a"
                + " version fact, expected dotted numbers such as 535.104.05 or 24.04");
    assertThatThrownBy(() -> whatIf("gpu.count=eight"))
        .isInstanceOf(WhatIfException.class)
        .hasMessage("gpu.count=eight: found the string \"eight\"; a number fact is a number");
    assertThatThrownBy(() -> whatIf("memory.total=2Tb"))
        .isInstanceOf(WhatIfException.class)
        .hasMessageStartingWith("memory.total=2Tb: ")
        .hasMessageContaining("Ti");
  }

  @Test
  void a_fact_supposed_twice_with_two_values_is_refused() {
    assertThatThrownBy(() -> whatIf("os.version=24.04", "os.version=22.04"))
        .isInstanceOf(WhatIfException.class)
        .hasMessageContaining("os.version is supposed twice");
  }

  @Test
  void a_what_if_is_written_key_equals_value() {
    assertThat(FactOverride.parse("os.version = 24.04"))
        .isEqualTo(new FactOverride("os.version", "24.04"));
    assertThat(FactOverride.parse("python.tags=a=b").value()).isEqualTo("a=b");
    assertThatThrownBy(() -> FactOverride.parse("os.version"))
        .hasMessageContaining("expected KEY=VALUE");
    assertThatThrownBy(() -> FactOverride.parse("os.version=")).hasMessageContaining("no value");
    assertThatThrownBy(() -> FactOverride.parse("OS Version=1"))
        .hasMessageContaining("is not a fact key");
  }

  private WhatIf whatIf(String... overrides) {
    return WhatIf.of(
        List.of(overrides).stream().map(FactOverride::parse).toList(),
        List.of(h100.fingerprint(), arm.fingerprint()));
  }

  private static Target target(String name, String file) {
    try {
      Fingerprint fingerprint =
          FingerprintFiles.parse(file, Files.readAllBytes(FINGERPRINTS.resolve(file)));
      return new Target(
          name,
          Target.Origin.FINGERPRINT_FILE,
          fingerprint,
          fingerprint.digests().whole(),
          Optional.empty(),
          Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
