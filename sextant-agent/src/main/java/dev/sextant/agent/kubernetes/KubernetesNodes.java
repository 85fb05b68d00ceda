package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.resource.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cluster's nodes as environments: lists them through the API server and gives each node's facts
 * ({@link NodeFacts}). The caller owns the client and closes it.
 */
public final class KubernetesNodes {
  /** Large clusters hold thousands of nodes; pages keep each response, and the server, small. */
  static final long PAGE_SIZE = 500;

  private final KubernetesClient client;

  public KubernetesNodes(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The facts of every node the selector selects, by node name. The selector is sent to the API
   * server in Kubernetes' own syntax, so it selects what {@code kubectl get nodes -l} would, and is
   * checked again on each node returned, so that a server or proxy that ignores part of it (as
   * fabric8's mock server does with {@code in} and {@code notin}) cannot widen the result.
   *
   * @throws KubernetesDiscoveryException when the API server cannot be reached, does not accept the
   *     credentials, does not allow listing nodes, or answers with an error
   */
  public SortedMap<String, SortedMap<String, Fact>> read(LabelSelector selector) {
    Objects.requireNonNull(selector, "selector");
    SortedMap<String, SortedMap<String, Fact>> nodes = new TreeMap<>();
    String continueFrom = null;
    do {
      NodeList page = list(options(selector, continueFrom));
      for (Node node : page.getItems()) {
        ObjectMeta metadata = node.getMetadata();
        if (metadata != null
            && metadata.getName() != null
            && selector.matches(metadata.getLabels() == null ? Map.of() : metadata.getLabels())) {
          nodes.put(metadata.getName(), NodeFacts.of(node));
        }
      }
      continueFrom = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (continueFrom != null && !continueFrom.isEmpty());
    return Collections.unmodifiableSortedMap(nodes);
  }

  /** The facts of every node in the cluster. */
  public SortedMap<String, SortedMap<String, Fact>> readAll() {
    return read(LabelSelector.EVERYTHING);
  }

  private NodeList list(ListOptions options) {
    try {
      return client.nodes().list(options);
    } catch (KubernetesClientException e) {
      throw Failures.listingNodes(server(), e);
    }
  }

  private static ListOptions options(LabelSelector selector, String continueFrom) {
    ListOptionsBuilder options = new ListOptionsBuilder().withLimit(PAGE_SIZE);
    if (!selector.selectsEverything()) {
      options.withLabelSelector(selector.toString());
    }
    if (continueFrom != null) {
      options.withContinue(continueFrom);
    }
    return options.build();
  }

  private String server() {
    return String.valueOf(client.getMasterUrl());
  }
}
