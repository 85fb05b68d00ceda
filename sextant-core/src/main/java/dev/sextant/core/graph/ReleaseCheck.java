package dev.sextant.core.graph;

import dev.sextant.core.resource.spec.ReleaseSpec;
import java.util.List;
import java.util.Objects;

/**
 * What rolling out one planned release would do to the graph: the dependencies it needs that
 * nothing provides, and the consumers it would leave outside their range. Both empty means safe.
 */
public record ReleaseCheck(
    ReleaseSpec release, List<Unsatisfied> unmetDependencies, List<Unsatisfied> brokenConsumers) {
  public ReleaseCheck {
    Objects.requireNonNull(release, "release");
    unmetDependencies = List.copyOf(unmetDependencies);
    brokenConsumers = List.copyOf(brokenConsumers);
  }

  public boolean ok() {
    return unmetDependencies.isEmpty() && brokenConsumers.isEmpty();
  }
}
