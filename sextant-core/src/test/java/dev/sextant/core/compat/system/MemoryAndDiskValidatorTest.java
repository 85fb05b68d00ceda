package dev.sextant.core.compat.system;

import static dev.sextant.core.compat.Fixtures.check;
import static dev.sextant.core.compat.Fixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.fingerprint.Quantities;
import org.junit.jupiter.api.Test;

class MemoryAndDiskValidatorTest {
  @Test
  void thirty_two_gibibytes_meet_sixteen() {
    Finding finding = check("memory", "{\"min\": \"16Gi\"}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("memory.total");
    assertThat(finding.required()).isEqualTo("memory ≥ 16Gi");
    assertThat(finding.observed()).isEqualTo("32Gi");
    assertThat(finding.reason()).isEqualTo("the host has 32Gi, at least 16Gi");
  }

  @Test
  void too_little_memory_says_by_how_much() {
    Finding finding = check("memory", "{\"min\": \"96Gi\"}", fingerprint("graviton-arm.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("the host has 64Gi, less than 96Gi (short by 32Gi)");
  }

  @Test
  void a_path_is_on_the_deepest_described_mount_and_falls_back_to_root() {
    assertThat(DiskValidator.candidateKeys("/var/lib/models"))
        .containsExactly(
            "disk.var.lib.models.total", "disk.var.lib.total", "disk.var.total", "disk.root.total");

    Finding root =
        check(
            "disk",
            "{\"min\": \"500Gi\", \"path\": \"/var/lib/models\"}",
            fingerprint("h100.yaml"));
    assertThat(root.met()).isTrue();
    assertThat(root.facts()).containsExactly("disk.root.total");
    assertThat(root.observed()).isEqualTo("1920Gi (disk.root.total)");
    assertThat(root.caveats()).singleElement().asString().contains("size, not its free space");

    Finding data =
        check(
            "disk",
            "{\"min\": \"500Gi\", \"path\": \"/var/lib/models\"}",
            fingerprint("h100.yaml").with("disk.var.lib.total", Quantities.bytes("100Gi")));
    assertThat(data.met()).isFalse();
    assertThat(data.facts()).containsExactly("disk.var.lib.total");
    assertThat(data.reason())
        .isEqualTo("the filesystem holding /var/lib/models is 100Gi, smaller than 500Gi");
  }

  @Test
  void no_disk_facts_is_absent() {
    Finding finding = check("disk", "{\"min\": \"10Gi\"}", fingerprint("t4.yaml"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.facts()).containsExactly("disk.root.total");
  }

  @Test
  void bad_arguments_name_the_field() {
    assertThat(Invalid.field("memory", "{\"min\": \"lots\"}")).isEqualTo("with.min");
    assertThat(Invalid.field("disk", "{}")).isEqualTo("with.min");
    assertThat(Invalid.field("disk", "{\"min\": \"1Gi\", \"path\": \"data\"}"))
        .isEqualTo("with.path");
  }
}
