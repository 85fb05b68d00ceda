package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.KnownFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real probes on the machine running the tests. */
@EnabledOnOs(OS.LINUX)
class ThisHostTest {
  private static Discovery discover() {
    long start = System.nanoTime();
    Discovery found = new ProbeRunner().run(StandardProbes.forHost(List.of()), LocalHost.create());
    System.out.printf(
        "probes on this host: %d facts in %d ms (%s)%n",
        found.facts().size(),
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        String.join(
            ", ",
            found.timings().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
                .toList()));
    return found;
  }

  /**
   * The project's development and CI machines: Debian 12 on x86_64 without a GPU, with Python 3.11
   * as {@code python3}.
   */
  static boolean isDebian12OnX86WithoutGpu() throws IOException {
    Path release = Path.of("/etc/os-release");
    if (!Files.exists(release)) {
      return false;
    }
    Map<String, String> os = OsRelease.parse(Files.readString(release));
    return "debian".equals(os.get("ID"))
        && "12".equals(os.get("VERSION_ID"))
        && "amd64".equals(System.getProperty("os.arch"))
        && !Files.exists(Path.of("/dev/nvidiactl"));
  }

  @Test
  void every_key_the_probes_give_on_this_host_is_one_that_validate_and_plan_know() {
    assertThat(discover().facts().keySet())
        .allSatisfy(key -> assertThat(KnownFacts.unknown(key)).as(key).isEmpty());
  }

  @Test
  @EnabledIf("isDebian12OnX86WithoutGpu")
  void on_debian_12_the_probes_see_debian_x86_64_glibc_2_36_python_3_11_and_no_gpu() {
    Discovery found = discover();
    Map<String, Fact> facts = found.facts();

    assertThat(facts)
        .containsEntry("os.id", new Fact.Text("debian"))
        .containsEntry("os.version", new Fact.Version("12"))
        .containsEntry("cpu.arch", new Fact.Text("x86_64"))
        .containsEntry("libc.family", new Fact.Text("glibc"))
        .containsEntry("libc.version", new Fact.Version("2.36"))
        .containsKeys(
            "kernel.version",
            "cpu.vendor",
            "cpu.model",
            "cpu.cores",
            "cpu.threads",
            "disk.root.total",
            "hostname",
            "java.version",
            "packages.libc6",
            "python.version",
            "python.tags");
    assertThat(facts)
        .containsEntry("python.implementation", new Fact.Text("cpython"))
        .containsEntry("python.abi", new Fact.Text("cp311"));
    List<String> tags = ((Fact.Sequence) facts.get("python.tags")).values();
    assertThat(tags.get(0)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
    assertThat(tags).contains("cp311-abi3-manylinux2014_x86_64", "py3-none-manylinux_2_17_x86_64");
    assertThat(tags.get(tags.size() - 1)).isEqualTo("py30-none-any");
    assertThat(((Fact.Quantity) facts.get("memory.total")).amount()).isPositive();
    assertThat(((Fact.Set) facts.get("cpu.flags")).values()).isNotEmpty().contains("sse2");
    assertThat(facts.keySet()).noneMatch(k -> k.startsWith("gpu") || k.startsWith("cuda"));
    assertThat(found.warnings()).isEmpty();
    assertThat(found.notes())
        .contains(new Discovery.Message("gpu", "nvidia-smi not found: no NVIDIA GPU facts"));
  }

  @Test
  void any_linux_host_gives_its_platform_and_runtime() {
    discover();
    Discovery warm = discover();

    assertThat(warm.facts())
        .containsKeys(
            "os.id", "kernel.version", "cpu.arch", "cpu.threads", "memory.total", "java.version");
    // Python facts where python3 is installed, a note where it is not: the probe answers either
    // way.
    assertThat(warm.timings()).containsKey("python");
  }
}
