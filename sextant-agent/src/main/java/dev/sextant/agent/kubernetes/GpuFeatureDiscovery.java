package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Facts from NVIDIA GPU Feature Discovery's labels, as the GFD README lists them
 * (github.com/NVIDIA/k8s-device-plugin, docs/gpu-feature-discovery/README.md, "Generated Labels")
 * and as its labelers write them ({@code internal/lm/nvml.go}, {@code resource.go}, {@code
 * mig-strategy.go}).
 *
 * <p>The version labels are easy to read backwards. GFD's {@code newVersionLabeler} fills {@code
 * cuda.driver-version.*} (deprecated: {@code cuda.driver.major/minor/rev}) with the NVIDIA
 * <em>driver</em> version, such as 550.54.15, and {@code cuda.runtime-version.*} (deprecated:
 * {@code cuda.runtime.major/minor}) with what {@code cuDriverGetVersion} returns: the highest CUDA
 * version that driver supports, such as 12.4, which is no CUDA runtime installed on the node. So
 * the first gives {@code gpu.driver.version} and the second {@code cuda.driver.max}, the same facts
 * {@code nvidia-smi} reports as "Driver Version" and "CUDA Version". Current keys win over
 * deprecated ones.
 *
 * <p>GFD describes a node as if its GPUs were all alike: one product, one memory size, one compute
 * capability, and a count. The per-device facts {@code gpu[i].*} repeat those for each of the
 * {@code gpu.count} devices, so requirements read the same as on a host probed with nvidia-smi.
 * {@code nvidia.com/gfd.timestamp} is left out: it changes on every relabel, and a fingerprint must
 * not.
 */
final class GpuFeatureDiscovery {
  private static final String NVIDIA = "nvidia.com/";
  private static final String MIXED_MIG = NVIDIA + "mig-";
  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

  /**
   * Labels are written by anyone allowed to label nodes, so a count is not trusted to size the
   * fingerprint: beyond this many devices (a node with 8 GPUs in MIG 1g slices has 56) only {@code
   * gpu.count} is given, not one set of facts per device.
   */
  static final int MAX_DEVICES = 256;

  private GpuFeatureDiscovery() {}

  static void addFacts(NodeLabels labels, Map<String, Fact> facts) {
    driverVersion(labels)
        .ifPresent(v -> facts.putIfAbsent("gpu.driver.version", new Fact.Version(v)));
    cudaDriverMax(labels).ifPresent(v -> facts.putIfAbsent("cuda.driver.max", new Fact.Version(v)));
    devices(labels, facts);
    labels
        .first(NVIDIA + "gpu.family")
        .filter(family -> !family.equals("undefined"))
        .ifPresent(family -> facts.putIfAbsent("gpu.family", new Fact.Text(family)));
    labels
        .count(NVIDIA + "gpu.replicas")
        .ifPresent(n -> facts.putIfAbsent("gpu.replicas", Fact.Number.of(n)));
    labels
        .first(NVIDIA + "gpu.sharing-strategy")
        .ifPresent(s -> facts.putIfAbsent("gpu.sharing", new Fact.Text(s)));
    mig(labels, facts);
    if (labels.isTrue(NVIDIA + "gpu.present")) {
      facts.putIfAbsent("gpu.present", new Fact.Flag(true));
    }
  }

  private static Optional<String> driverVersion(NodeLabels labels) {
    return labels
        .first(NVIDIA + "cuda.driver-version.full")
        .or(
            () ->
                dotted(
                    labels,
                    "cuda.driver-version.major",
                    "cuda.driver-version.minor",
                    "cuda.driver-version.revision"))
        .or(() -> dotted(labels, "cuda.driver.major", "cuda.driver.minor", "cuda.driver.rev"));
  }

  private static Optional<String> cudaDriverMax(NodeLabels labels) {
    return labels
        .first(NVIDIA + "cuda.runtime-version.full")
        .or(() -> dotted(labels, "cuda.runtime-version.major", "cuda.runtime-version.minor", null))
        .or(() -> dotted(labels, "cuda.runtime.major", "cuda.runtime.minor", null));
  }

  /**
   * {@code major.minor[.revision]} from three labels. GFD writes an empty revision for drivers
   * versioned X.Y (550.120), so the revision is optional; the others are not.
   */
  private static Optional<String> dotted(
      NodeLabels labels, String major, String minor, String revision) {
    Optional<String> x = labels.first(NVIDIA + major);
    Optional<String> y = labels.first(NVIDIA + minor);
    if (x.isEmpty() || y.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> z = revision == null ? Optional.empty() : labels.first(NVIDIA + revision);
    return Optional.of(x.get() + "." + y.get() + z.map(r -> "." + r).orElse(""));
  }

  private static void devices(NodeLabels labels, Map<String, Fact> facts) {
    Optional<Long> count = labels.count(NVIDIA + "gpu.count");
    if (count.isEmpty()) {
      return;
    }
    facts.putIfAbsent("gpu.count", Fact.Number.of(count.get()));
    if (count.get() > 0) {
      facts.putIfAbsent("gpu.present", new Fact.Flag(true));
    }
    if (count.get() > MAX_DEVICES) {
      return;
    }
    Optional<GpuProduct> product = labels.first(NVIDIA + "gpu.product").map(GpuProduct::parse);
    Optional<Fact> memory =
        labels
            .count(NVIDIA + "gpu.memory")
            .filter(mib -> mib > 0)
            .map(GpuFeatureDiscovery::mebibytes);
    Optional<Fact> computeCapability = computeCapability(labels);
    for (int i = 0; i < count.get(); i++) {
      String device = "gpu[" + i + "].";
      product.ifPresent(p -> facts.putIfAbsent(device + "model", new Fact.Text(p.model())));
      product
          .flatMap(GpuProduct::migProfile)
          .ifPresent(profile -> facts.putIfAbsent(device + "mig.profile", new Fact.Text(profile)));
      memory.ifPresent(m -> facts.putIfAbsent(device + "memory", m));
      computeCapability.ifPresent(cc -> facts.putIfAbsent(device + "compute_capability", cc));
    }
  }

  private static Optional<Fact> computeCapability(NodeLabels labels) {
    Optional<Long> major = labels.count(NVIDIA + "gpu.compute.major");
    Optional<Long> minor = labels.count(NVIDIA + "gpu.compute.minor");
    if (major.isEmpty() || minor.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Fact.Version(major.get() + "." + minor.get()));
  }

  /**
   * MIG: the strategy GFD and the device plugin run with ({@code none}, {@code single}, {@code
   * mixed}), whether any GPU can be partitioned, the layout the GPU Operator's MIG manager applied
   * ({@code nvidia.com/mig.config}), and, under the mixed strategy, how many devices of each
   * profile the node offers and their memory ({@code nvidia.com/mig-<profile>.count} and {@code
   * .memory}).
   */
  private static void mig(NodeLabels labels, Map<String, Fact> facts) {
    labels
        .first(NVIDIA + "mig.strategy")
        .ifPresent(s -> facts.putIfAbsent("mig.strategy", new Fact.Text(s)));
    labels
        .bool(NVIDIA + "mig.capable")
        .ifPresent(capable -> facts.putIfAbsent("mig.capable", new Fact.Flag(capable)));
    labels
        .first(NVIDIA + "mig.config")
        .ifPresent(config -> facts.putIfAbsent("mig.config", new Fact.Text(config)));
    labels
        .asMap()
        .forEach(
            (key, value) -> {
              if (!key.startsWith(MIXED_MIG)) {
                return;
              }
              String attribute = key.substring(MIXED_MIG.length());
              if (attribute.endsWith(".count") && attribute.length() > ".count".length()) {
                String profile = attribute.substring(0, attribute.length() - ".count".length());
                labels
                    .count(key)
                    .ifPresent(
                        n -> facts.putIfAbsent("mig[" + profile + "].count", Fact.Number.of(n)));
              } else if (attribute.endsWith(".memory") && attribute.length() > ".memory".length()) {
                String profile = attribute.substring(0, attribute.length() - ".memory".length());
                labels
                    .count(key)
                    .filter(mib -> mib > 0)
                    .ifPresent(
                        mib -> facts.putIfAbsent("mig[" + profile + "].memory", mebibytes(mib)));
              }
            });
  }

  /** GFD's {@code gpu.memory} is NVML's total memory divided by 2^20: MiB, though it says "Mb". */
  private static Fact mebibytes(long mib) {
    return new Fact.Quantity(BigDecimal.valueOf(mib).multiply(MIB), "bytes");
  }
}
