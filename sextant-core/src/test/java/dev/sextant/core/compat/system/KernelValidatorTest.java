package dev.sextant.core.compat.system;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import org.junit.jupiter.api.Test;

class KernelValidatorTest {
  @Test
  void the_amazon_linux_suffix_is_ignored() {
    Finding finding = check("kernel", "{\"min\": \"6.1.100\"}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("kernel.version");
    assertThat(finding.observed()).isEqualTo("kernel 6.1.112 (6.1.112-122.189.amzn2023.x86_64)");
    assertThat(finding.reason()).isEqualTo("kernel 6.1.112 is at least 6.1.100");
  }

  @Test
  void a_suffix_number_does_not_make_an_old_kernel_new() {
    // 5.15.0-112-generic must not read as 5.15.0.112.
    assertThat(check("kernel", "{\"min\": \"5.15.1\"}", fingerprint("h100.yaml")).met()).isFalse();
    assertThat(check("kernel", "{\"min\": \"5.15\"}", fingerprint("h100.yaml")).met()).isTrue();
  }

  @Test
  void an_old_kernel_fails() {
    Finding finding = check("kernel", "{\"min\": \"6.8\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("kernel 6.1.0 is older than 6.8");
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(Invalid.field("kernel", "{}")).isEqualTo("with.min");
    assertThat(Invalid.field("kernel", "{\"min\": \"latest\"}")).isEqualTo("with.min");
  }
}
