package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.KnownFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuProbeTest {
  private static final String QUERY =
      "nvidia-smi --query-gpu=index,name,memory.total,compute_cap,driver_version,mig.mode.current"
          + " --format=csv,noheader,nounits";
  private static final String QUERY_WITHOUT_COMPUTE_CAP =
      "nvidia-smi --query-gpu=index,name,memory.total,driver_version,mig.mode.current"
          + " --format=csv,noheader,nounits";
  private static final long MIB = 1024L * 1024L;

  private static FakeHost host(String fixture) {
    return new FakeHost()
        .command(QUERY, CommandResult.ok(Fixtures.read("nvidia-smi/" + fixture + "/query.csv")))
        .command(
            "nvidia-smi",
            CommandResult.ok(Fixtures.read("nvidia-smi/" + fixture + "/nvidia-smi.txt")));
  }

  private static ProbeResult probe(FakeHost host) {
    return new GpuProbe().probe(host);
  }

  @Test
  void every_key_the_probe_gives_is_one_that_validate_and_plan_know() {
    for (String fixture : List.of("h100", "a100-mig", "t4", "dgx-h100-8x")) {
      assertThat(probe(host(fixture)).facts().keySet())
          .as(fixture)
          .allSatisfy(key -> assertThat(KnownFacts.unknown(key)).as(key).isEmpty());
    }
  }

  @Test
  void an_h100_gives_its_model_memory_capability_mig_mode_driver_and_cuda() {
    ProbeResult result = probe(host("h100"));

    assertThat(result.facts())
        .containsExactly(
            entry("cuda.driver.max", new Fact.Version("12.4")),
            entry("gpu.count", Fact.Number.of(1)),
            entry("gpu.driver.version", new Fact.Version("550.54.15")),
            entry("gpu[0].compute_capability", new Fact.Version("9.0")),
            entry("gpu[0].memory", Fact.Quantity.bytes(81559 * MIB)),
            entry("gpu[0].mig.mode", new Fact.Text("disabled")),
            entry("gpu[0].model", new Fact.Text("NVIDIA H100 80GB HBM3")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void an_a100_with_mig_enabled_says_so() {
    ProbeResult result = probe(host("a100-mig"));

    assertThat(result.facts())
        .containsExactly(
            entry("cuda.driver.max", new Fact.Version("12.2")),
            entry("gpu.count", Fact.Number.of(1)),
            entry("gpu.driver.version", new Fact.Version("535.129.03")),
            entry("gpu[0].compute_capability", new Fact.Version("8.0")),
            entry("gpu[0].memory", Fact.Quantity.bytes(81920 * MIB)),
            entry("gpu[0].mig.mode", new Fact.Text("enabled")),
            entry("gpu[0].model", new Fact.Text("NVIDIA A100-SXM4-80GB")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void a_t4_without_mig_support_has_no_mig_fact() {
    ProbeResult result = probe(host("t4"));

    assertThat(result.facts())
        .containsExactly(
            entry("cuda.driver.max", new Fact.Version("12.2")),
            entry("gpu.count", Fact.Number.of(1)),
            entry("gpu.driver.version", new Fact.Version("535.104.05")),
            entry("gpu[0].compute_capability", new Fact.Version("7.5")),
            entry("gpu[0].memory", Fact.Quantity.bytes(15360 * MIB)),
            entry("gpu[0].model", new Fact.Text("Tesla T4")));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void eight_gpus_give_eight_sets_of_facts_indexed_as_nvidia_smi_numbers_them() {
    ProbeResult result = probe(host("dgx-h100-8x"));

    assertThat(result.facts()).containsEntry("gpu.count", Fact.Number.of(8));
    for (int i = 0; i < 8; i++) {
      assertThat(result.facts())
          .containsEntry("gpu[" + i + "].model", new Fact.Text("NVIDIA H100 80GB HBM3"))
          .containsEntry("gpu[" + i + "].memory", Fact.Quantity.bytes(81559 * MIB))
          .containsEntry("gpu[" + i + "].compute_capability", new Fact.Version("9.0"));
    }
    assertThat(result.facts())
        .hasSize(3 + 8 * 4)
        .containsEntry("cuda.driver.max", new Fact.Version("12.4"));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void an_old_driver_without_compute_cap_is_asked_again_and_the_capability_comes_from_the_model() {
    String dir = "nvidia-smi/v100-driver-470/";
    FakeHost host =
        new FakeHost()
            .command(QUERY, CommandResult.exited(2, Fixtures.read(dir + "query-rejected.txt"), ""))
            .command(
                QUERY_WITHOUT_COMPUTE_CAP,
                CommandResult.ok(Fixtures.read(dir + "query-without-compute_cap.csv")))
            .command("nvidia-smi", CommandResult.ok(Fixtures.read(dir + "nvidia-smi.txt")));

    ProbeResult result = probe(host);

    assertThat(result.facts())
        .containsExactly(
            entry("cuda.driver.max", new Fact.Version("11.4")),
            entry("gpu.count", Fact.Number.of(1)),
            entry("gpu.driver.version", new Fact.Version("470.182.03")),
            entry("gpu[0].compute_capability", new Fact.Version("7.0")),
            entry("gpu[0].memory", Fact.Quantity.bytes(16160 * MIB)),
            entry("gpu[0].model", new Fact.Text("Tesla V100-SXM2-16GB")));
    assertThat(result.warnings()).isEmpty();
    assertThat(host.ran()).containsExactly(QUERY, QUERY_WITHOUT_COMPUTE_CAP, "nvidia-smi");
  }

  @Test
  void an_old_driver_with_a_model_not_in_the_table_leaves_the_capability_out_with_a_warning() {
    FakeHost host =
        new FakeHost()
            .command(
                QUERY,
                CommandResult.exited(
                    2, Fixtures.read("nvidia-smi/v100-driver-470/query-rejected.txt"), ""))
            .command(
                QUERY_WITHOUT_COMPUTE_CAP,
                CommandResult.ok("0, NVIDIA GeForce GTX 1080 Ti, 11178, 470.182.03, [N/A]\n"))
            .command(
                "nvidia-smi",
                CommandResult.ok(Fixtures.read("nvidia-smi/v100-driver-470/nvidia-smi.txt")));

    ProbeResult result = probe(host);

    assertThat(result.facts())
        .containsEntry("gpu[0].model", new Fact.Text("NVIDIA GeForce GTX 1080 Ti"))
        .doesNotContainKey("gpu[0].compute_capability");
    assertThat(result.warnings())
        .containsExactly(
            "gpu[0].compute_capability unknown: this driver's nvidia-smi cannot tell it and"
                + " NVIDIA GeForce GTX 1080 Ti is not in the table of known models");
  }

  @Test
  void a_host_without_nvidia_smi_has_no_gpu_facts_and_no_warning() {
    ProbeResult result = probe(new FakeHost());

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.notes()).containsExactly("nvidia-smi not found: no NVIDIA GPU facts");
  }

  @Test
  void a_driver_that_is_not_loaded_is_a_warning_and_no_facts() {
    FakeHost host =
        new FakeHost()
            .command(
                QUERY,
                CommandResult.exited(
                    9, Fixtures.read("nvidia-smi/failures/driver-not-loaded.txt"), ""));

    ProbeResult result = probe(host);

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings())
        .containsExactly(
            "nvidia-smi failed (exit 9: NVIDIA-SMI has failed because it couldn't communicate with"
                + " the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and"
                + " running.); no GPU facts");
  }

  @Test
  void a_driver_that_sees_no_devices_is_a_warning_and_no_facts() {
    FakeHost host =
        new FakeHost()
            .command(
                QUERY,
                CommandResult.exited(6, Fixtures.read("nvidia-smi/failures/no-devices.txt"), ""));

    ProbeResult result = probe(host);

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).containsExactly("nvidia-smi found no devices; no GPU facts");
  }

  @Test
  void a_hanging_nvidia_smi_is_a_warning_and_no_facts() {
    ProbeResult result = probe(new FakeHost().command(QUERY, CommandResult.timedOut()));

    assertThat(result.facts()).isEmpty();
    assertThat(result.warnings()).containsExactly("nvidia-smi failed (timed out); no GPU facts");
  }

  @Test
  void when_the_plain_table_fails_the_gpu_facts_stay_and_cuda_is_unknown() {
    FakeHost host =
        new FakeHost()
            .command(QUERY, CommandResult.ok(Fixtures.read("nvidia-smi/h100/query.csv")))
            .command("nvidia-smi", CommandResult.timedOut());

    ProbeResult result = probe(host);

    assertThat(result.facts())
        .containsKeys("gpu.count", "gpu[0].model", "gpu.driver.version")
        .doesNotContainKey("cuda.driver.max");
    assertThat(result.warnings()).containsExactly("cuda.driver.max unknown: nvidia-smi timed out");
  }

  @Test
  void a_line_that_does_not_fit_the_fields_is_a_warning_and_the_other_gpus_stay() {
    String csv = "0, NVIDIA H100 80GB HBM3, 81559, 9.0, 550.54.15, Disabled\nsomething else\n";
    FakeHost host =
        new FakeHost()
            .command(QUERY, CommandResult.ok(csv))
            .command(
                "nvidia-smi", CommandResult.ok(Fixtures.read("nvidia-smi/h100/nvidia-smi.txt")));

    ProbeResult result = probe(host);

    assertThat(result.facts()).containsEntry("gpu.count", Fact.Number.of(1));
    assertThat(result.warnings())
        .containsExactly("unexpected nvidia-smi line (1 values for 6 fields): something else");
  }

  @Test
  void the_cuda_version_is_read_from_every_header_layout() {
    List<String> versions = new ArrayList<>();
    for (String fixture : List.of("h100", "t4", "a100-mig", "v100-driver-470", "dgx-h100-8x")) {
      versions.add(
          NvidiaSmi.cudaVersion(Fixtures.read("nvidia-smi/" + fixture + "/nvidia-smi.txt"))
              .orElseThrow());
    }
    assertThat(versions).containsExactly("12.4", "12.2", "12.2", "11.4", "12.4");
  }

  @Test
  void compute_capability_by_model_matches_whole_words_only() {
    assertThat(ComputeCapabilities.of("NVIDIA A100-SXM4-80GB")).contains("8.0");
    assertThat(ComputeCapabilities.of("NVIDIA A10G")).contains("8.6");
    assertThat(ComputeCapabilities.of("NVIDIA A10")).contains("8.6");
    assertThat(ComputeCapabilities.of("NVIDIA L40S")).contains("8.9");
    assertThat(ComputeCapabilities.of("Tesla P4")).contains("6.1");
    assertThat(ComputeCapabilities.of("Tesla K80")).contains("3.7");
    assertThat(ComputeCapabilities.of("NVIDIA GH200 480GB")).contains("9.0");
    assertThat(ComputeCapabilities.of("NVIDIA GeForce RTX 4090")).isEmpty();
  }
}
