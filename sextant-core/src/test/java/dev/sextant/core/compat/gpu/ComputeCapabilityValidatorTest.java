package dev.sextant.core.compat.gpu;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeCapabilityValidatorTest {
  /** An H100 and a T4 in one host. */
  static final Fingerprint MIXED =
      Fixtures.facts(
          Map.of(
              "gpu.count", Fact.Number.of(2),
              "gpu[0].model", new Fact.Text("NVIDIA H100 80GB HBM3"),
              "gpu[0].compute_capability", new Fact.Version("9.0"),
              "gpu[0].memory",
                  new Fact.Quantity(new java.math.BigDecimal(81559L * 1024 * 1024), "bytes"),
              "gpu[1].model", new Fact.Text("Tesla T4"),
              "gpu[1].compute_capability", new Fact.Version("7.5"),
              "gpu[1].memory",
                  new Fact.Quantity(new java.math.BigDecimal(15360L * 1024 * 1024), "bytes")));

  @Test
  void compute_capability_7_5_fails_min_8_0() {
    Finding finding = check("computeCapability", "{\"min\": \"8.0\"}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.facts()).containsExactly("gpu.count", "gpu[0].compute_capability");
    assertThat(finding.required()).isEqualTo("every GPU of compute capability ≥ 8.0");
    assertThat(finding.observed()).isEqualTo("gpu[0] 7.5");
    assertThat(finding.reason())
        .isEqualTo("not every GPU reaches compute capability 8.0: gpu[0] has 7.5");
  }

  @Test
  void an_h100_described_once_for_eight_meets_8_0_with_a_caveat_about_the_other_seven() {
    Finding finding =
        check(
            "computeCapability", "{\"min\": \"8.0\", \"gpus\": \"all\"}", fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.observed()).isEqualTo("gpu[0] 9.0");
    assertThat(finding.caveats())
        .singleElement()
        .asString()
        .isEqualTo("gpu.count says 8 but only gpu[0] is described; the other 7 were not checked");
  }

  @Test
  void on_a_mixed_host_any_is_met_and_all_is_not() {
    Finding any = check("computeCapability", "{\"min\": \"8.0\", \"gpus\": \"any\"}", MIXED);
    Finding all = check("computeCapability", "{\"min\": \"8.0\", \"gpus\": \"all\"}", MIXED);

    assertThat(any.met()).isTrue();
    assertThat(any.reason()).isEqualTo("gpu[0] (9.0) has compute capability ≥ 8.0");
    assertThat(all.met()).isFalse();
    assertThat(all.observed()).isEqualTo("gpu[0] 9.0, gpu[1] 7.5");
    assertThat(all.reason())
        .isEqualTo("not every GPU reaches compute capability 8.0: gpu[1] has 7.5");
    assertThat(all.caveats()).isEmpty();
  }

  @Test
  void capabilities_compare_as_numbers_not_text() {
    Fingerprint blackwell =
        Fixtures.facts(
            Map.of(
                "gpu.count",
                Fact.Number.of(1),
                "gpu[0].compute_capability",
                new Fact.Version("12.0")));

    assertThat(check("computeCapability", "{\"min\": \"8.9\"}", blackwell).met()).isTrue();
  }

  @Test
  void a_host_without_gpus_is_not_met() {
    Finding finding =
        check("computeCapability", "{\"min\": \"8.0\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.reason())
        .isEqualTo("the fingerprint describes no GPU (neither gpu.count nor any gpu[i] fact)");
  }

  @Test
  void a_gpu_count_of_zero_is_no_gpus() {
    Finding finding =
        check(
            "computeCapability",
            "{\"min\": \"8.0\"}",
            Fixtures.facts(Map.of("gpu.count", Fact.Number.of(0))));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("0 GPUs");
    assertThat(finding.reason()).isEqualTo("the host has no GPUs (gpu.count is 0)");
  }

  @Test
  void a_gpu_without_a_capability_counts_as_absent() {
    Fingerprint unknown =
        Fixtures.facts(
            Map.of("gpu.count", Fact.Number.of(1), "gpu[0].model", new Fact.Text("Mystery")));

    Finding finding = check("computeCapability", "{\"min\": \"8.0\"}", unknown);

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("gpu[0] absent");
    assertThat(finding.reason()).contains("gpu[0] reports none");
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(field("{}")).isEqualTo("with.min");
    assertThat(field("{\"min\": \"8\"}")).isEqualTo("with.min");
    assertThat(field("{\"min\": \"8.0\", \"gpus\": \"most\"}")).isEqualTo("with.gpus");
  }

  private static String field(String with) {
    try {
      Validators.standard()
          .get("computeCapability")
          .prepare(Fixtures.rule("computeCapability", with));
    } catch (InvalidRequirementException e) {
      return e.field();
    }
    throw new AssertionError("accepted " + with);
  }
}
