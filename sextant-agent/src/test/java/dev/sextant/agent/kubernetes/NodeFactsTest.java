package dev.sextant.agent.kubernetes;

import static dev.sextant.agent.kubernetes.ExpectedFacts.mebibytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How single labels and status fields become facts, including the awkward cases. */
class NodeFactsTest {
  private static final String NFD = "feature.node.kubernetes.io/";

  @Test
  void current_version_labels_win_over_deprecated_ones_that_disagree() {
    // A node relabelled by a newer GFD after a driver upgrade, the deprecated keys left stale.
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                "nvidia.com/cuda.driver-version.full", "550.54.15",
                "nvidia.com/cuda.driver-version.major", "550",
                "nvidia.com/cuda.driver-version.minor", "54",
                "nvidia.com/cuda.driver-version.revision", "15",
                "nvidia.com/cuda.driver.major", "535",
                "nvidia.com/cuda.driver.minor", "129",
                "nvidia.com/cuda.driver.rev", "03",
                "nvidia.com/cuda.runtime-version.full", "12.4",
                "nvidia.com/cuda.runtime-version.major", "12",
                "nvidia.com/cuda.runtime-version.minor", "4",
                "nvidia.com/cuda.runtime.major", "12",
                "nvidia.com/cuda.runtime.minor", "2"));

    assertThat(facts)
        .containsEntry("gpu.driver.version", new Fact.Version("550.54.15"))
        .containsEntry("cuda.driver.max", new Fact.Version("12.4"));
  }

  @Test
  void the_driver_version_is_the_driver_and_the_runtime_version_is_the_highest_cuda_it_supports() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                "nvidia.com/cuda.driver-version.major", "580",
                "nvidia.com/cuda.driver-version.minor", "95",
                "nvidia.com/cuda.driver-version.revision", "05",
                "nvidia.com/cuda.runtime-version.major", "13",
                "nvidia.com/cuda.runtime-version.minor", "0"));

    assertThat(facts)
        .containsEntry("gpu.driver.version", new Fact.Version("580.95.05"))
        .containsEntry("cuda.driver.max", new Fact.Version("13.0"))
        .doesNotContainKey("cuda.runtime.version");
  }

  @Test
  void a_driver_versioned_major_minor_has_an_empty_revision_label() {
    SortedMap<String, Fact> current =
        NodeFacts.of(
            node(
                "nvidia.com/cuda.driver-version.major", "550",
                "nvidia.com/cuda.driver-version.minor", "120",
                "nvidia.com/cuda.driver-version.revision", ""));
    SortedMap<String, Fact> deprecated =
        NodeFacts.of(
            node(
                "nvidia.com/cuda.driver.major", "455",
                "nvidia.com/cuda.driver.minor", "06",
                "nvidia.com/cuda.driver.rev", "",
                "nvidia.com/cuda.runtime.major", "11",
                "nvidia.com/cuda.runtime.minor", "1"));

    assertThat(current).containsEntry("gpu.driver.version", new Fact.Version("550.120"));
    assertThat(deprecated)
        .containsEntry("gpu.driver.version", new Fact.Version("455.06"))
        .containsEntry("cuda.driver.max", new Fact.Version("11.1"));
  }

  @Test
  void a_version_without_its_minor_part_is_no_version() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                "nvidia.com/cuda.driver-version.major",
                "550",
                "nvidia.com/cuda.runtime.major",
                "12"));

    assertThat(facts).doesNotContainKeys("gpu.driver.version", "cuda.driver.max");
  }

  @Test
  void mig_mixed_strategy_gives_each_profiles_count_and_memory_and_whole_gpus_keep_their_model() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                "nvidia.com/mig.strategy", "mixed",
                "nvidia.com/mig.capable", "true",
                "nvidia.com/mig.config", "all-balanced",
                "nvidia.com/gpu.count", "2",
                "nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB",
                "nvidia.com/gpu.memory", "81920",
                "nvidia.com/mig-1g.10gb.count", "4",
                "nvidia.com/mig-1g.10gb.memory", "9728",
                "nvidia.com/mig-1g.10gb.product", "NVIDIA-A100-SXM4-80GB-MIG-1g.10gb",
                "nvidia.com/mig-1g.10gb.multiprocessors", "14",
                "nvidia.com/mig-3g.40gb.count", "2",
                "nvidia.com/mig-3g.40gb.memory", "40192"));

    assertThat(facts)
        .contains(
            entry("mig.strategy", new Fact.Text("mixed")),
            entry("mig.capable", new Fact.Flag(true)),
            entry("mig.config", new Fact.Text("all-balanced")),
            entry("mig[1g.10gb].count", Fact.Number.of(4)),
            entry("mig[1g.10gb].memory", mebibytes(9728)),
            entry("mig[3g.40gb].count", Fact.Number.of(2)),
            entry("mig[3g.40gb].memory", mebibytes(40192)),
            entry("gpu[1].model", new Fact.Text("NVIDIA-A100-SXM4-80GB")),
            entry("gpu[1].memory", mebibytes(81920)))
        .doesNotContainKeys("gpu[0].mig.profile", "mig[1g.10gb].product");
  }

  @Test
  void time_slicing_keeps_the_physical_count_and_takes_shared_off_the_model() {
    // Verbatim from an H100 NVL node shared five ways by time-slicing.
    Node node =
        node(
            Map.of(
                "nvidia.com/gpu.product", "NVIDIA-H100-NVL-SHARED",
                "nvidia.com/gpu.replicas", "5",
                "nvidia.com/gpu.sharing-strategy", "time-slicing",
                "nvidia.com/gpu.count", "1",
                "nvidia.com/gpu.memory", "95830",
                "nvidia.com/mig.capable", "true",
                "nvidia.com/mig.config", "all-disabled"),
            Map.of("nvidia.com/gpu", "5"));

    assertThat(NodeFacts.of(node))
        .contains(
            entry("gpu.count", Fact.Number.of(1)),
            entry("gpu[0].model", new Fact.Text("NVIDIA-H100-NVL")),
            entry("gpu[0].memory", mebibytes(95830)),
            entry("gpu.replicas", Fact.Number.of(5)),
            entry("gpu.sharing", new Fact.Text("time-slicing")))
        .doesNotContainKey("gpu[1].model");
  }

  @Test
  void an_invalid_mig_single_layout_offers_no_gpus() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                "nvidia.com/mig.strategy", "single",
                "nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB-MIG-INVALID",
                "nvidia.com/gpu.count", "0",
                "nvidia.com/gpu.replicas", "0",
                "nvidia.com/gpu.memory", "0",
                "feature.node.kubernetes.io/pci-0302_10de.present", "true"));

    assertThat(facts)
        .containsEntry("gpu.count", Fact.Number.of(0))
        .containsEntry("gpu.present", new Fact.Flag(true))
        .doesNotContainKeys("gpu[0].model", "gpu[0].mig.profile", "gpu[0].memory");
  }

  @Test
  void labels_that_do_not_parse_give_no_fact_and_the_capacity_stands_in_for_the_count() {
    Node node =
        node(
            Map.of(
                "nvidia.com/gpu.count", "eight",
                "nvidia.com/gpu.product", "NVIDIA-L40S",
                "nvidia.com/gpu.memory", "46068MiB",
                "nvidia.com/gpu.compute.major", "8",
                "nvidia.com/gpu.compute.minor", "nine",
                "nvidia.com/gpu.family", "undefined",
                "nvidia.com/mig.capable", "maybe"),
            Map.of("nvidia.com/gpu", "4", "memory", "lots", "cpu", "a few"));

    SortedMap<String, Fact> facts = NodeFacts.of(node);

    assertThat(facts)
        .containsEntry("gpu.count", Fact.Number.of(4))
        .doesNotContainKeys(
            "gpu[0].model",
            "gpu[0].memory",
            "gpu[0].compute_capability",
            "gpu.family",
            "mig.capable",
            "memory.total",
            "cpu.cores");
  }

  @Test
  void a_count_beyond_any_real_node_gives_the_count_but_no_facts_per_device() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node("nvidia.com/gpu.count", "1000000000", "nvidia.com/gpu.product", "NVIDIA-H100"));

    assertThat(facts).containsEntry("gpu.count", Fact.Number.of(1_000_000_000L));
    assertThat(facts.keySet()).noneMatch(key -> key.startsWith("gpu["));
  }

  @Test
  void only_cpuid_labels_set_to_true_are_flags() {
    SortedMap<String, Fact> facts =
        NodeFacts.of(
            node(
                NFD + "cpu-cpuid.AVX2", "true",
                NFD + "cpu-cpuid.AVX10_VERSION", "1",
                NFD + "cpu-cpuid.AVX512F", "false",
                NFD + "cpu-cpuid.", "true",
                NFD + "cpu-hardware_multithreading", "true"));

    assertThat(facts).containsEntry("cpu.flags", Fact.Set.of(List.of("avx2")));
  }

  @Test
  void nfd_kernel_version_full_wins_and_its_split_form_only_fills_a_gap() {
    Node withFull =
        nodeWithKernel("5.15.0-1045-nvidia", NFD + "kernel-version.full", "5.15.0-1045-nvidia-64k");
    Node splitOnly =
        nodeWithKernel(
            "5.15.0-1045-nvidia",
            NFD + "kernel-version.major",
            "5",
            NFD + "kernel-version.minor",
            "15",
            NFD + "kernel-version.revision",
            "0");
    Node splitWithoutStatus =
        node(
            NFD + "kernel-version.major", "5",
            NFD + "kernel-version.minor", "15",
            NFD + "kernel-version.revision", "0");

    assertThat(NodeFacts.of(withFull))
        .containsEntry("kernel.version", new Fact.Version("5.15.0-1045-nvidia-64k"));
    assertThat(NodeFacts.of(splitOnly))
        .containsEntry("kernel.version", new Fact.Version("5.15.0-1045-nvidia"));
    assertThat(NodeFacts.of(splitWithoutStatus))
        .containsEntry("kernel.version", new Fact.Version("5.15.0"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "amd64, x86_64",
    "arm64, aarch64",
    "ppc64le, ppc64le",
    "s390x, s390x",
    "riscv64, riscv64",
    "386, i686"
  })
  void the_architecture_is_named_as_uname_names_it(String goarch, String machine) {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("n")
            .endMetadata()
            .withNewStatus()
            .withNewNodeInfo()
            .withArchitecture(goarch)
            .endNodeInfo()
            .endStatus()
            .build();

    assertThat(NodeFacts.of(node)).containsEntry("cpu.arch", new Fact.Text(machine));
  }

  @Test
  void without_node_info_the_architecture_comes_from_the_well_known_label() {
    assertThat(NodeFacts.of(node("kubernetes.io/arch", "arm64")))
        .containsEntry("cpu.arch", new Fact.Text("aarch64"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "containerd://1.7.12, containerd, 1.7.12",
    "cri-o://1.29.2, cri-o, 1.29.2",
    "docker://24.0.7, docker, 24.0.7",
    "containerd://v2.0.0, containerd, 2.0.0",
    "remote, remote, ''"
  })
  void the_container_runtime_is_split_into_its_name_and_version(
      String runtimeVersion, String name, String version) {
    Node node =
        new NodeBuilder()
            .withNewStatus()
            .withNewNodeInfo()
            .withContainerRuntimeVersion(runtimeVersion)
            .withKubeletVersion("v1.29.3-eks-ae9a62a")
            .endNodeInfo()
            .endStatus()
            .build();

    SortedMap<String, Fact> facts = NodeFacts.of(node);

    assertThat(facts)
        .containsEntry("container.runtime", new Fact.Text(name))
        .containsEntry("kubelet.version", new Fact.Version("1.29.3-eks-ae9a62a"));
    if (version.isEmpty()) {
      assertThat(facts).doesNotContainKey("container.runtime.version");
    } else {
      assertThat(facts).containsEntry("container.runtime.version", new Fact.Version(version));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "feature.node.kubernetes.io/pci-10de.present",
    "feature.node.kubernetes.io/pci-0300_10de.present",
    "feature.node.kubernetes.io/pci-0302_10de.present",
    "nvidia.com/gpu.present"
  })
  void any_of_the_nvidia_presence_labels_says_a_gpu_is_present(String label) {
    assertThat(NodeFacts.of(node(label, "true")))
        .containsExactly(entry("gpu.present", new Fact.Flag(true)));
    assertThat(NodeFacts.of(node(label, "false"))).isEmpty();
  }

  @Test
  void the_gfd_timestamp_is_not_a_fact() {
    assertThat(NodeFacts.of(node("nvidia.com/gfd.timestamp", "1729173628"))).isEmpty();
  }

  @Test
  void an_empty_node_gives_no_facts_and_a_named_one_only_its_hostname() {
    assertThat(NodeFacts.of(new Node())).isEmpty();
    assertThat(
            NodeFacts.of(new NodeBuilder().withNewMetadata().withName("n1").endMetadata().build()))
        .containsExactly(entry("hostname", new Fact.Text("n1")));
  }

  @Test
  void the_order_labels_arrive_in_does_not_change_the_facts() {
    Node node = Fixtures.node(Fixtures.H100);
    List<Map.Entry<String, String>> entries =
        new ArrayList<>(node.getMetadata().getLabels().entrySet());
    Collections.reverse(entries);
    Map<String, String> reversed = new LinkedHashMap<>();
    entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
    Node shuffled = new NodeBuilder(node).editMetadata().withLabels(reversed).endMetadata().build();

    assertThat(NodeFacts.of(shuffled)).isEqualTo(NodeFacts.of(node));
  }

  private static Node node(String... keysAndValues) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      labels.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return node(labels, Map.of());
  }

  private static Node node(Map<String, String> labels, Map<String, String> capacity) {
    Map<String, Quantity> quantities = new HashMap<>();
    capacity.forEach((k, v) -> quantities.put(k, new Quantity(v)));
    return new NodeBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewStatus()
        .withCapacity(quantities)
        .endStatus()
        .build();
  }

  private static Node nodeWithKernel(String kernelVersion, String... labels) {
    Node node = node(labels);
    return new NodeBuilder(node)
        .editStatus()
        .withNewNodeInfo()
        .withKernelVersion(kernelVersion)
        .endNodeInfo()
        .endStatus()
        .build();
  }
}
