package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardProbesTest {
  @Test
  void a_host_is_described_by_platform_gpu_libc_java_packages_and_python() {
    assertThat(StandardProbes.forHost(List.of()))
        .extracting(Probe::name)
        .containsExactly("platform", "gpu", "libc", "java", "packages", "python");
  }

  @Test
  void reach_checks_add_the_network_probe() {
    assertThat(StandardProbes.forHost(List.of(new ReachCheck("registry", "127.0.0.1", 5000))))
        .extracting(Probe::name)
        .endsWith("python", "network");
  }

  @Test
  void a_host_without_python_has_a_note_from_the_python_probe_and_no_python_facts() {
    Discovery found = new ProbeRunner().run(StandardProbes.forHost(List.of()), new FakeHost());

    assertThat(found.facts().keySet()).noneMatch(k -> k.startsWith("python."));
    assertThat(found.warnings()).noneMatch(m -> m.probe().equals("python"));
    assertThat(found.notes())
        .contains(new Discovery.Message("python", "python3 not found: no Python facts"));
  }
}
