package dev.sextant.core.graph;

import java.util.List;

/**
 * Releases that depend on each other in a circle, so no order puts every provider first. The
 * cycle starts and ends with the smallest service name in it, so the same graph gives the same
 * message.
 */
public final class DependencyCycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> cycle;

  /** @param cycle the services in dependency order, the first repeated at the end */
  public DependencyCycleException(List<String> cycle) {
    super("dependency cycle: " + String.join(" → ", cycle) + "; no rollout order puts every provider before its consumers");
    this.cycle = List.copyOf(cycle);
  }

  /** The services in dependency order (each needs the next), the first repeated at the end. */
  public List<String> cycle() {
    return cycle;
  }
}
