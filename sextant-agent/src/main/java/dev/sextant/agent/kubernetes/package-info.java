/**
 * Kubernetes nodes as environments: reads nodes through the fabric8 client and turns what the
 * cluster already knows about each node into fingerprint facts.
 *
 * <p>Three sources, in this order of trust:
 *
 * <ol>
 *   <li>NVIDIA GPU Feature Discovery labels ({@code nvidia.com/...}), as documented in the GFD
 *       README (github.com/NVIDIA/k8s-device-plugin, docs/gpu-feature-discovery/README.md) and
 *       written by its labelers ({@code internal/lm/nvml.go}, {@code resource.go}, {@code
 *       mig-strategy.go});
 *   <li>Node Feature Discovery labels ({@code feature.node.kubernetes.io/...}), as documented in
 *       NFD's "Feature labels" page (kubernetes-sigs/node-feature-discovery,
 *       docs/usage/features.md);
 *   <li>the node's own status as the kubelet reports it ({@code status.nodeInfo}, {@code
 *       status.capacity}), which every node has, so a cluster without NFD or GFD still yields a
 *       fingerprint.
 * </ol>
 *
 * <p>{@link dev.sextant.agent.kubernetes.NodeFacts} is the pure translation from a {@code Node} to
 * facts; {@link dev.sextant.agent.kubernetes.KubernetesNodes} is the only class that talks to an
 * API server, and it turns every failure into a {@link
 * dev.sextant.agent.kubernetes.KubernetesDiscoveryException} whose message a user can act on.
 */
package dev.sextant.agent.kubernetes;
