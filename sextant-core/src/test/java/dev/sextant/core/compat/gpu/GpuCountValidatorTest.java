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

class GpuCountValidatorTest {
  @Test
  void eight_h100s_meet_a_minimum_of_four() {
    Finding finding = check("gpuCount", "{\"min\": 4}", fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("gpu.count");
    assertThat(finding.required()).isEqualTo("at least 4 GPUs");
    assertThat(finding.observed()).isEqualTo("8 GPUs");
    assertThat(finding.reason()).isEqualTo("the host has 8, at least 4");
  }

  @Test
  void one_t4_fails_a_minimum_of_two() {
    Finding finding = check("gpuCount", "{\"min\": 2}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("the host has 1, fewer than 2");
  }

  @Test
  void a_host_without_gpu_facts_is_absent() {
    Finding finding = check("gpuCount", "{\"min\": 1}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
  }

  @Test
  void min_must_be_a_whole_number() {
    for (String with :
        new String[] {"{}", "{\"min\": \"two\"}", "{\"min\": 1.5}", "{\"min\": -1}"}) {
      assertThatThrownBy(
              () -> Validators.standard().get("gpuCount").prepare(Fixtures.rule("gpuCount", with)))
          .as(with)
          .isInstanceOf(InvalidRequirementException.class)
          .extracting(e -> ((InvalidRequirementException) e).field())
          .isEqualTo("with.min");
    }
  }
}
