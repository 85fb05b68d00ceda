package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The facts a Kubernetes node shows about itself, as a fingerprint's flat, sorted map. Pure: the
 * same {@code Node} always gives the same facts, and nothing is read but the object.
 *
 * <p>Where two sources say the same thing the more specific one wins: GPU Feature Discovery's
 * labels, then Node Feature Discovery's, then the kubelet's status. So {@code kernel.version} is
 * NFD's {@code kernel-version.full} when NFD runs and {@code status.nodeInfo.kernelVersion}
 * otherwise (NFD's {@code major.minor.revision} only when neither is there, since it drops the
 * release suffix), and {@code gpu.count} is GFD's count of GPUs before the {@code nvidia.com/gpu}
 * capacity, which counts MIG devices or time-sliced replicas. A label that is absent, blank or
 * malformed gives no fact, never a guessed one.
 */
public final class NodeFacts {
  private NodeFacts() {}

  /**
   * The facts of one node, keyed as DESIGN §3 names them ({@code os.id}, {@code kernel.version},
   * {@code cpu.flags}, {@code gpu[0].model}, {@code cuda.driver.max}, …).
   */
  public static SortedMap<String, Fact> of(Node node) {
    Objects.requireNonNull(node, "node");
    ObjectMeta metadata = node.getMetadata();
    NodeLabels labels = new NodeLabels(metadata == null ? null : metadata.getLabels());
    SortedMap<String, Fact> facts = new TreeMap<>();
    GpuFeatureDiscovery.addFacts(labels, facts);
    NodeFeatureDiscovery.addFacts(labels, facts);
    NodeStatusFacts.addFacts(node, labels, facts);
    NodeFeatureDiscovery.addFallbacks(labels, facts);
    if (metadata != null && metadata.getName() != null && !metadata.getName().isBlank()) {
      facts.putIfAbsent("hostname", new Fact.Text(metadata.getName()));
    }
    return Collections.unmodifiableSortedMap(facts);
  }
}
