package dev.sextant.core.compat.gpu;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CudaValidatorTest {
  private static final Fingerprint H100 = fingerprint("h100.yaml");
  private static final Fingerprint T4 = fingerprint("t4.yaml");

  @Test
  void a_driver_version_that_is_not_one_is_said_so_rather_than_compared() {
    Finding finding =
        check(
            "cuda",
            "{\"toolkit\": \"12.4\"}",
            H100.with("gpu.driver.version", new dev.sextant.core.fingerprint.Fact.Text("banana"))
                .without("cuda.driver.max"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "gpu.driver.version is \"banana\", which is not a version; expected dotted numbers such as 550.54.15");
  }

  @Test
  void driver_550_54_15_on_the_h100_meets_cuda_12_4() {
    Finding finding = check("cuda", "{\"toolkit\": \"12.4\"}", H100);

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("cuda.driver.max", "gpu.driver.version");
    assertThat(finding.required()).isEqualTo("CUDA 12.4 (driver ≥ 550.54.14)");
    assertThat(finding.observed()).isEqualTo("driver 550.54.15, CUDA ≤ 12.4");
    assertThat(finding.reason())
        .isEqualTo("driver 550.54.15 supports CUDA ≤ 12.4, which covers CUDA 12.4");
    assertThat(finding.caveats()).isEmpty();
  }

  @Test
  void driver_550_54_15_also_meets_12_4_update_1_whose_minimum_it_is() {
    assertThat(check("cuda", "{\"toolkit\": \"12.4.1\"}", H100).met()).isTrue();
  }

  @Test
  void the_t4_with_driver_535_104_05_fails_cuda_12_4() {
    Finding finding = check("cuda", "{\"toolkit\": \"12.4\"}", T4);

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("driver 535.104.05, CUDA ≤ 12.2");
    assertThat(finding.reason())
        .isEqualTo("driver 535.104.05 supports CUDA ≤ 12.2; CUDA 12.4 needs driver ≥ 550.54.14");
  }

  @Test
  void the_t4_passes_cuda_12_4_through_minor_version_compatibility_with_a_caveat() {
    Finding finding =
        check("cuda", "{\"toolkit\": \"12.4\", \"minorVersionCompatibility\": true}", T4);

    assertThat(finding.met()).isTrue();
    assertThat(finding.required())
        .isEqualTo(
            "CUDA 12.4 (driver ≥ 550.54.14, or ≥ 525.60.13 with minor-version compatibility)");
    assertThat(finding.reason()).contains("minor-version compatibility", "525.60.13");
    assertThat(finding.caveats())
        .singleElement()
        .asString()
        .contains(
            "PTX JIT",
            "newer driver",
            "550.54.14",
            "https://docs.nvidia.com/deploy/cuda-compatibility/");
  }

  @Test
  void
      minor_version_compatibility_without_the_driver_version_trusts_the_release_nvidia_smi_reports() {
    // cuda.driver.max 12.2 means a driver of at least 12.2 GA's 535.54.03, above 12.x's 525.60.13.
    Fingerprint t4 = T4.without("gpu.driver.version");

    Finding finding =
        check("cuda", "{\"toolkit\": \"12.4\", \"minorVersionCompatibility\": true}", t4);

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("cuda.driver.max");
    assertThat(finding.observed()).isEqualTo("CUDA ≤ 12.2");
    assertThat(finding.caveats()).hasSize(1);
  }

  @Test
  void minor_version_compatibility_does_not_cross_major_versions() {
    Finding finding =
        check("cuda", "{\"toolkit\": \"13.0\", \"minorVersionCompatibility\": true}", H100);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .contains(
            "CUDA 13.0 needs driver ≥ 580.65.06",
            "or ≥ 580.65.06 through minor-version compatibility");
  }

  @Test
  void minor_version_compatibility_for_11_x_needs_450_80_02() {
    Fingerprint old = facts("450.51.06");
    assertThat(
            check("cuda", "{\"toolkit\": \"11.8\", \"minorVersionCompatibility\": true}", old)
                .met())
        .isFalse();
    Fingerprint recommended = facts("450.80.02");
    assertThat(
            check(
                    "cuda",
                    "{\"toolkit\": \"11.8\", \"minorVersionCompatibility\": true}",
                    recommended)
                .met())
        .isTrue();
  }

  @Test
  void without_cuda_driver_max_the_table_decides_from_the_driver_version() {
    Fingerprint t4 = T4.without("cuda.driver.max");

    Finding finding = check("cuda", "{\"toolkit\": \"12.4\"}", t4);

    assertThat(finding.met()).isFalse();
    assertThat(finding.facts()).containsExactly("gpu.driver.version");
    assertThat(finding.reason())
        .isEqualTo("driver 535.104.05 supports CUDA ≤ 12.2; CUDA 12.4 needs driver ≥ 550.54.14");
    assertThat(check("cuda", "{\"toolkit\": \"12.2\"}", t4).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"12.2.2\"}", t4).met()).isTrue();
  }

  @Test
  void published_minimums_are_exact_at_the_boundary() {
    assertThat(check("cuda", "{\"toolkit\": \"12.2\"}", facts("535.54.03")).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"12.2\"}", facts("535.54.02")).met()).isFalse();
    assertThat(check("cuda", "{\"toolkit\": \"12.0\"}", facts("525.60.13")).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"11.8\"}", facts("520.61.05")).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"11.0\"}", facts("450.51.05")).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"12.4\"}", facts("550.54.14")).met()).isTrue();
    assertThat(check("cuda", "{\"toolkit\": \"12.4.1\"}", facts("550.54.14")).met()).isFalse();
  }

  @Test
  void an_update_release_checks_the_driver_even_when_nvidia_smi_reports_its_minor() {
    Fingerprint ga = H100.with("gpu.driver.version", new Fact.Version("550.54.14"));

    Finding finding = check("cuda", "{\"toolkit\": \"12.4.1\"}", ga);

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "driver 550.54.14 is older than CUDA 12.4 Update 1's minimum; CUDA 12.4.1 needs driver ≥ 550.54.15");
  }

  @Test
  void a_newer_driver_meets_older_toolkits() {
    assertThat(check("cuda", "{\"toolkit\": \"11.8\"}", fingerprint("h100-new-driver.yaml")).met())
        .isTrue();
  }

  @Test
  void no_driver_facts_is_not_met_and_says_absent() {
    Finding finding = check("cuda", "{\"toolkit\": \"12.4\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.facts()).containsExactly("cuda.driver.max", "gpu.driver.version");
  }

  @Test
  void an_unknown_toolkit_is_refused_at_with_toolkit_naming_the_known_ones() {
    assertThatThrownBy(
            () ->
                Validators.standard()
                    .get("cuda")
                    .prepare(Fixtures.rule("cuda", "{\"toolkit\": \"12.7\"}")))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageContaining("12.7")
        .hasMessageContaining("12.6.3")
        .hasMessageContaining("12.8")
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.toolkit");
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThatThrownBy(() -> Validators.standard().get("cuda").prepare(Fixtures.rule("cuda", "{}")))
        .isInstanceOf(InvalidRequirementException.class)
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.toolkit");
    assertThatThrownBy(
            () ->
                Validators.standard()
                    .get("cuda")
                    .prepare(
                        Fixtures.rule(
                            "cuda",
                            "{\"toolkit\": \"12.4\", \"minorVersionCompatibility\": \"yes\"}")))
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.minorVersionCompatibility");
    assertThatThrownBy(
            () ->
                Validators.standard()
                    .get("cuda")
                    .prepare(
                        Fixtures.rule("cuda", "{\"toolkit\": \"12.4\", \"minorVersion\": true}")))
        .hasMessageContaining("minorVersionCompatibility")
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.minorVersion");
  }

  private static Fingerprint facts(String driver) {
    return Fixtures.facts(Map.of("gpu.driver.version", new Fact.Version(driver)));
  }
}
