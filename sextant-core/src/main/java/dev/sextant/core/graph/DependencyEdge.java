package dev.sextant.core.graph;

import java.util.Objects;

/**
 * One line of a release's {@code spec.dependencies}: the consumer release (service and version)
 * needs an API version of {@code provider} within {@code range}.
 */
public record DependencyEdge(
    String consumer, String consumerVersion, String provider, ApiRange range, String description) {
  public DependencyEdge {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(consumerVersion, "consumerVersion");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(range, "range");
    description = description == null ? "" : description;
  }

  /** {@code checkout-web 3.2.0 needs payments-api ^2.1.0}, the start of every message about it. */
  public String needs() {
    return consumer + " " + consumerVersion + " needs " + provider + " " + range;
  }
}
