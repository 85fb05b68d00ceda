package dev.sextant.core.compat.system;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import org.junit.jupiter.api.Test;

class OsValidatorTest {
  @Test
  void ubuntu_22_04_meets_ubuntu_at_least_22_04() {
    Finding finding =
        check("os", "{\"id\": \"ubuntu\", \"version\": \">=22.04\"}", fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("os.id", "os.version");
    assertThat(finding.required()).isEqualTo("ubuntu, version at least 22.04");
    assertThat(finding.observed()).isEqualTo("ubuntu 22.04");
    assertThat(finding.reason()).isEqualTo("ubuntu 22.04 meets ubuntu, version at least 22.04");
  }

  @Test
  void a_bare_version_is_a_minimum_and_ranges_combine() {
    assertThat(check("os", "{\"version\": \"24.04\"}", fingerprint("h100.yaml")).met()).isFalse();
    assertThat(
            check(
                    "os",
                    "{\"id\": \"debian\", \"version\": \">=11,<13\"}",
                    fingerprint("graviton-arm.yaml"))
                .met())
        .isTrue();
    assertThat(
            check(
                    "os",
                    "{\"id\": \"debian\", \"version\": \">=11,<12\"}",
                    fingerprint("graviton-arm.yaml"))
                .reason())
        .isEqualTo("version 12 is not at least 11 and below 12");
  }

  @Test
  void another_distribution_fails() {
    Finding finding = check("os", "{\"id\": [\"ubuntu\", \"debian\"]}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("the OS is amzn, not ubuntu or debian");
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(Invalid.field("os", "{}")).isEqualTo("with.id");
    assertThat(Invalid.field("os", "{\"version\": \"~>22\"}")).isEqualTo("with.version");
  }
}
