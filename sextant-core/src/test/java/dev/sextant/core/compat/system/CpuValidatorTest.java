package dev.sextant.core.compat.system;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuValidatorTest {
  @Test
  void an_arm_host_without_avx2_fails_and_names_the_missing_flags() {
    Finding finding =
        check("cpu", "{\"flags\": [\"avx2\", \"fma\"]}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.facts()).containsExactly("cpu.flags");
    assertThat(finding.required()).isEqualTo("flags avx2 fma");
    assertThat(finding.observed()).isEqualTo("flags asimd atomics crc32 fp sha2 sve");
    assertThat(finding.reason()).isEqualTo("the CPU lacks avx2, fma");
  }

  @Test
  void the_h100_host_has_avx2_and_fma_on_x86_64() {
    Finding finding =
        check(
            "cpu",
            "{\"arch\": \"amd64\", \"flags\": [\"AVX2\", \"fma\"]}",
            fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("cpu.arch", "cpu.flags");
    assertThat(finding.required()).isEqualTo("architecture x86_64; flags avx2 fma");
    assertThat(finding.reason()).isEqualTo("the CPU is x86_64 and has avx2, fma");
  }

  @Test
  void arm64_and_aarch64_are_one_architecture() {
    assertThat(check("cpu", "{\"arch\": [\"arm64\"]}", fingerprint("graviton-arm.yaml")).met())
        .isTrue();
    Finding x86 = check("cpu", "{\"arch\": [\"x86_64\"]}", fingerprint("graviton-arm.yaml"));
    assertThat(x86.met()).isFalse();
    assertThat(x86.reason()).isEqualTo("the architecture is aarch64, not x86_64");
  }

  @Test
  void flags_written_in_capitals_as_node_feature_discovery_does_still_match() {
    Fingerprint nfd = fingerprint("t4.yaml").with("cpu.flags", Fact.Set.of(List.of("AVX2", "FMA")));

    assertThat(check("cpu", "{\"flags\": [\"avx2\", \"fma\"]}", nfd).met()).isTrue();
  }

  @Test
  void missing_flags_fact_is_absent() {
    Finding finding =
        check("cpu", "{\"flags\": [\"avx2\"]}", fingerprint("t4.yaml").without("cpu.flags"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("flags " + Finding.ABSENT);
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(Invalid.field("cpu", "{}")).isEqualTo("with.arch");
    assertThat(Invalid.field("cpu", "{\"flags\": [true]}")).isEqualTo("with.flags");
    assertThat(Invalid.field("cpu", "{\"flag\": [\"avx2\"]}")).isEqualTo("with.flag");
  }
}
