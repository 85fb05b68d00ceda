package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Facts from what the kubelet reports about its node ({@code status.nodeInfo} and {@code
 * status.capacity}, Kubernetes API reference "Node v1 core"). Every node has them, with or without
 * NFD and GFD, which is why they come last: they fill in what the labels did not say.
 */
final class NodeStatusFacts {
  private NodeStatusFacts() {}

  static void addFacts(Node node, NodeLabels labels, Map<String, Fact> facts) {
    NodeStatus status = node.getStatus();
    NodeSystemInfo info = status == null ? null : status.getNodeInfo();
    if (info != null) {
      text(info.getKernelVersion())
          .ifPresent(v -> facts.putIfAbsent("kernel.version", new Fact.Version(v)));
      text(info.getOsImage()).ifPresent(v -> facts.putIfAbsent("os.image", new Fact.Text(v)));
      text(info.getContainerRuntimeVersion())
          .map(ContainerRuntime::parse)
          .ifPresent(runtime -> runtime.addFacts(facts));
      text(info.getKubeletVersion())
          .map(NodeStatusFacts::withoutV)
          .ifPresent(v -> facts.putIfAbsent("kubelet.version", new Fact.Version(v)));
    }
    // The kubelet's architecture is Go's GOARCH; kubernetes.io/arch carries the same value.
    Optional.ofNullable(info)
        .flatMap(i -> text(i.getArchitecture()))
        .or(() -> labels.first("kubernetes.io/arch"))
        .map(Architectures::machine)
        .ifPresent(arch -> facts.putIfAbsent("cpu.arch", new Fact.Text(arch)));
    Map<String, Quantity> capacity = status == null ? null : status.getCapacity();
    if (capacity != null) {
      amount(capacity.get("cpu"))
          .ifPresent(cpus -> facts.putIfAbsent("cpu.cores", new Fact.Number(cpus)));
      bytes(capacity.get("memory"))
          .ifPresent(b -> facts.putIfAbsent("memory.total", new Fact.Quantity(b, "bytes")));
      // The device plugin's resource: physical GPUs, or MIG devices or replicas when the GPU is
      // partitioned or shared, which is why GFD's gpu.count, when there is one, comes first.
      amount(capacity.get("nvidia.com/gpu"))
          .filter(n -> n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0)
          .ifPresent(
              n -> {
                facts.putIfAbsent("gpu.count", new Fact.Number(n));
                if (n.signum() > 0) {
                  facts.putIfAbsent("gpu.present", new Fact.Flag(true));
                }
              });
    }
  }

  /** Kubernetes writes versions as {@code v1.29.3}; the fact is the version, {@code 1.29.3}. */
  static String withoutV(String version) {
    return version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))
        ? version.substring(1)
        : version;
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * A Kubernetes quantity ({@code 96}, {@code 500m}, {@code 1e3}) as a number; none if malformed.
   */
  private static Optional<BigDecimal> amount(Quantity quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(quantity.getNumericalAmount());
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  /** A memory quantity ({@code 263686240Ki}, {@code 16Gi}, {@code 128G}) in bytes. */
  private static Optional<BigDecimal> bytes(Quantity quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.getAmountInBytes(quantity));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
