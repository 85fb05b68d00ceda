package dev.sextant.core.compat.system;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.fingerprint.Fact;
import org.junit.jupiter.api.Test;

class LibcValidatorTest {
  @Test
  void glibc_2_35_runs_manylinux_2_28_binaries() {
    Finding finding =
        check("libc", "{\"family\": \"glibc\", \"min\": \"2.28\"}", fingerprint("h100.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("libc.family", "libc.version");
    assertThat(finding.required()).isEqualTo("glibc ≥ 2.28");
    assertThat(finding.observed()).isEqualTo("glibc 2.35");
    assertThat(finding.reason())
        .isEqualTo("glibc 2.35 is at least 2.28, so binaries built against glibc 2.28 run");
  }

  @Test
  void amazon_linux_2023_glibc_2_34_fails_manylinux_2_35() {
    Finding finding = check("libc", "{\"min\": \"2.35\"}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .isEqualTo(
            "glibc 2.34 is older than 2.35; binaries built against libc 2.35 need symbols it lacks");
  }

  @Test
  void musl_binaries_do_not_run_on_glibc() {
    Finding finding =
        check("libc", "{\"family\": \"musl\", \"min\": \"1.2\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).contains("glibc", "musl");
  }

  @Test
  void a_missing_version_is_absent() {
    Finding finding =
        check(
            "libc",
            "{\"min\": \"2.17\"}",
            fingerprint("t4.yaml").without("libc.version").without("libc.family"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
  }

  @Test
  void the_family_alone_can_be_required() {
    assertThat(
            check(
                    "libc",
                    "{\"family\": \"musl\"}",
                    fingerprint("t4.yaml").with("libc.family", new Fact.Text("musl")))
                .met())
        .isTrue();
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(Invalid.field("libc", "{}")).isEqualTo("with.min");
    assertThat(Invalid.field("libc", "{\"family\": \"uclibc\"}")).isEqualTo("with.family");
  }
}
