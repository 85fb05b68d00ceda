package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts from Node Feature Discovery's labels, as its "Feature labels" page documents them
 * (kubernetes-sigs/node-feature-discovery, docs/usage/features.md). All use the prefix {@code
 * feature.node.kubernetes.io/}; NFD removes a label when it no longer finds the feature, so a label
 * that is absent is a fact that is missing, never a fact that is false.
 */
final class NodeFeatureDiscovery {
  static final String PREFIX = "feature.node.kubernetes.io/";
  private static final String CPUID = PREFIX + "cpu-cpuid.";

  /**
   * NVIDIA's PCI vendor id is 10de. NFD's default PCI label is {@code pci-<class>_<vendor>}, so a
   * display controller (class 0300) gives {@code pci-0300_10de} and a 3D controller, which is what
   * data centre GPUs such as the A100 and H100 are, gives {@code pci-0302_10de}; the NFD that
   * NVIDIA's GPU Operator deploys labels the vendor alone, {@code pci-10de}. The GPU Operator
   * itself accepts these three keys ({@code gpuNodeLabels} in its {@code
   * controllers/state_manager.go}).
   */
  private static final List<String> NVIDIA_PCI =
      List.of(
          PREFIX + "pci-10de.present",
          PREFIX + "pci-0300_10de.present",
          PREFIX + "pci-0302_10de.present");

  private NodeFeatureDiscovery() {}

  static void addFacts(NodeLabels labels, Map<String, Fact> facts) {
    cpuFlags(labels).ifPresent(flags -> facts.putIfAbsent("cpu.flags", flags));
    labels
        .first(PREFIX + "cpu-model.vendor_id")
        .ifPresent(vendor -> facts.putIfAbsent("cpu.vendor", new Fact.Text(vendor)));
    labels
        .first(PREFIX + "kernel-version.full")
        .ifPresent(v -> facts.putIfAbsent("kernel.version", new Fact.Version(v)));
    labels
        .first(PREFIX + "system-os_release.ID")
        .ifPresent(id -> facts.putIfAbsent("os.id", new Fact.Text(id)));
    labels
        .first(PREFIX + "system-os_release.VERSION_ID")
        .ifPresent(v -> facts.putIfAbsent("os.version", new Fact.Version(v)));
    if (NVIDIA_PCI.stream().anyMatch(labels::isTrue)) {
      facts.putIfAbsent("gpu.present", new Fact.Flag(true));
    }
  }

  /**
   * The CPU's flags: every {@code cpu-cpuid.<FLAG>=true}. Keys whose value is not {@code true} are
   * attributes ({@code cpu-cpuid.AVX10_VERSION=1}), not flags.
   */
  private static Optional<Fact> cpuFlags(NodeLabels labels) {
    List<String> names = new ArrayList<>();
    labels
        .asMap()
        .forEach(
            (key, value) -> {
              if (key.startsWith(CPUID) && key.length() > CPUID.length() && labels.isTrue(key)) {
                names.add(key.substring(CPUID.length()));
              }
            });
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of(new Fact.Set(CpuidFlags.kernelNames(names)));
  }

  /**
   * What NFD says less precisely than the kubelet, used only where the kubelet said nothing: the
   * kernel as {@code major.minor.revision} drops the release suffix ({@code -89-generic}) that
   * {@code kernel-version.full} and {@code status.nodeInfo.kernelVersion} both keep.
   */
  static void addFallbacks(NodeLabels labels, Map<String, Fact> facts) {
    Optional<String> major = labels.first(PREFIX + "kernel-version.major");
    Optional<String> minor = labels.first(PREFIX + "kernel-version.minor");
    if (major.isEmpty() || minor.isEmpty()) {
      return;
    }
    String version =
        major.get()
            + "."
            + minor.get()
            + labels.first(PREFIX + "kernel-version.revision").map(r -> "." + r).orElse("");
    facts.putIfAbsent("kernel.version", new Fact.Version(version));
  }
}
