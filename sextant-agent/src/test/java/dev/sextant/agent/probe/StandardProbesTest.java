package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardProbesTest {
  @Test
  void a_host_is_described_by_platform_gpu_libc_java_and_packages() {
    assertThat(StandardProbes.forHost(List.of()))
        .extracting(Probe::name)
        .containsExactly("platform", "gpu", "libc", "java", "packages");
  }

  @Test
  void reach_checks_add_the_network_probe() {
    assertThat(StandardProbes.forHost(List.of(new ReachCheck("registry", "127.0.0.1", 5000))))
        .extracting(Probe::name)
        .endsWith("network");
  }
}
