package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * OSHI for real, since on Linux the probes reach it only when files are missing: it must load here
 * and agree with what the files say.
 */
class OshiHardwareTest {
  private final OshiHardware oshi = new OshiHardware();

  @Test
  void oshi_reports_this_host() {
    assertThat(oshi.osFamily()).isPresent();
    assertThat(oshi.physicalCores()).isPresent();
    assertThat(oshi.logicalThreads()).isPresent();
    assertThat(oshi.memoryTotal()).isPresent();
    assertThat(oshi.hostname()).isPresent();
    assertThat(oshi.disks()).isNotEmpty();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void on_linux_oshi_agrees_with_the_files_on_memory_cores_and_threads() {
    ProbeResult files =
        new PlatformProbe().probe(new LocalHost(new ProcessCommandRunner(), HostHardware.NONE));

    assertThat(files.facts().get("memory.total"))
        .isEqualTo(Fact.Quantity.bytes(oshi.memoryTotal().orElseThrow()));
    assertThat(files.facts().get("cpu.cores"))
        .isEqualTo(Fact.Number.of(oshi.physicalCores().orElseThrow()));
    assertThat(files.facts().get("cpu.threads"))
        .isEqualTo(Fact.Number.of(oshi.logicalThreads().orElseThrow()));
  }
}
