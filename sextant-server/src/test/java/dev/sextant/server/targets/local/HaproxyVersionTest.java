package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HaproxyVersionTest {

  @Test
  void debian_bookworms_banner_reads_as_2_6() {
    HaproxyVersion v =
        HaproxyVersion.parse(
            "HAProxy version 2.6.12-1+deb12u3 2025/10/03 - https://haproxy.org/\n"
                + "Status: long-term supported branch - will stop receiving fixes around Q2 2027.\n");

    assertThat(v).isEqualTo(new HaproxyVersion(2, 6, "2.6.12-1+deb12u3"));
    assertThat(v.isAtLeast(HaproxyVersion.MINIMUM)).isTrue();
  }

  @Test
  void older_releases_are_below_the_minimum_and_newer_ones_above() {
    assertThat(
            HaproxyVersion.parse("HA-Proxy version 1.8.19 2019/02/11")
                .isAtLeast(HaproxyVersion.MINIMUM))
        .isFalse();
    assertThat(HaproxyVersion.parse("HAProxy version 2.4.22").isAtLeast(HaproxyVersion.MINIMUM))
        .isFalse();
    assertThat(HaproxyVersion.parse("HAProxy version 3.0.5").isAtLeast(HaproxyVersion.MINIMUM))
        .isTrue();
    assertThat(HaproxyVersion.parse("HAProxy version 2.10.1").isAtLeast(HaproxyVersion.MINIMUM))
        .isTrue();
  }

  @Test
  void output_without_a_version_is_refused_with_the_output() {
    assertThatThrownBy(() -> HaproxyVersion.parse("command not found"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command not found");
  }
}
