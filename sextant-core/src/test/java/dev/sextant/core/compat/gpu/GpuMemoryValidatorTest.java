package dev.sextant.core.compat.gpu;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validators;
import org.junit.jupiter.api.Test;

class GpuMemoryValidatorTest {
  @Test
  void a_14Gi_model_with_4Gi_headroom_fits_an_h100_and_shows_the_sum() {
    Finding finding =
        check(
            "gpuMemory",
            "{\"footprint\": \"14Gi\", \"headroom\": \"4Gi\"}",
            fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("gpu.count", "gpu[0].memory");
    assertThat(finding.required()).isEqualTo("14Gi footprint + 4Gi headroom = 18Gi on one GPU");
    assertThat(finding.observed()).isEqualTo("gpu[0] 81559Mi");
    assertThat(finding.reason())
        .isEqualTo("gpu[0] has 81559Mi ≥ 18Gi, enough for 14Gi footprint + 4Gi headroom = 18Gi");
  }

  @Test
  void the_same_model_does_not_fit_a_15Gi_t4_and_says_by_how_much() {
    Finding finding =
        check(
            "gpuMemory",
            "{\"footprint\": \"14Gi\", \"headroom\": \"4Gi\"}",
            fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("gpu[0] 15Gi");
    assertThat(finding.reason())
        .isEqualTo(
            "no GPU fits 14Gi footprint + 4Gi headroom = 18Gi: gpu[0] has 15Gi < 18Gi (short by 3Gi)");
  }

  @Test
  void exactly_full_fits() {
    assertThat(check("gpuMemory", "{\"footprint\": \"15Gi\"}", fingerprint("t4.yaml")).met())
        .isTrue();
    assertThat(
            check(
                    "gpuMemory",
                    "{\"footprint\": \"15Gi\", \"headroom\": \"1Mi\"}",
                    fingerprint("t4.yaml"))
                .met())
        .isFalse();
  }

  @Test
  void on_a_mixed_host_any_gpu_is_enough_but_all_needs_every_one() {
    String with = "{\"footprint\": \"14Gi\", \"headroom\": \"4Gi\"";
    Finding any = check("gpuMemory", with + "}", ComputeCapabilityValidatorTest.MIXED);
    Finding all =
        check("gpuMemory", with + ", \"gpus\": \"all\"}", ComputeCapabilityValidatorTest.MIXED);

    assertThat(any.met()).isTrue();
    assertThat(all.met()).isFalse();
    assertThat(all.observed()).isEqualTo("gpu[0] 81559Mi, gpu[1] 15Gi");
    assertThat(all.reason()).contains("gpu[1] has 15Gi < 18Gi");
  }

  @Test
  void eight_gpus_described_once_carry_a_caveat() {
    Finding finding = check("gpuMemory", "{\"footprint\": \"14Gi\"}", fingerprint("h100.yaml"));

    assertThat(finding.caveats())
        .singleElement()
        .asString()
        .contains("gpu.count says 8", "only gpu[0]");
  }

  @Test
  void a_host_without_gpus_is_not_met() {
    Finding finding =
        check("gpuMemory", "{\"footprint\": \"1Gi\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
  }

  @Test
  void bad_quantities_name_the_field() {
    assertThatThrownBy(
            () ->
                Validators.standard()
                    .get("gpuMemory")
                    .prepare(
                        Fixtures.rule(
                            "gpuMemory", "{\"footprint\": \"14GiB\", \"headroom\": \"4 gigs\"}")))
        .isInstanceOf(InvalidRequirementException.class)
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.headroom");
    assertThatThrownBy(
            () ->
                Validators.standard()
                    .get("gpuMemory")
                    .prepare(Fixtures.rule("gpuMemory", "{\"headroom\": \"4Gi\"}")))
        .extracting(e -> ((InvalidRequirementException) e).field())
        .isEqualTo("with.footprint");
  }
}
