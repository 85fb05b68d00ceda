package dev.sextant.core.graph;

import java.util.List;

/**
 * Releases that depend on each other in a circle, so no order puts every provider first: every such
 * circle, each starting and ending with the smallest service name in it, so the same graph gives
 * the same message.
 */
public final class DependencyCycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<List<String>> cycles;

  /**
   * @param cycles each cycle's services in dependency order, the first repeated at the end
   */
  public DependencyCycleException(List<List<String>> cycles) {
    super(message(cycles));
    this.cycles = cycles.stream().map(List::copyOf).toList();
  }

  /**
   * Every cycle, one per group of services that depend on each other in a circle: its services in
   * dependency order (each needs the next), the first repeated at the end.
   */
  public List<List<String>> cycles() {
    return cycles;
  }

  private static String message(List<List<String>> cycles) {
    if (cycles.isEmpty()) {
      throw new IllegalArgumentException("a cycle exception needs a cycle");
    }
    String each = String.join("; ", cycles.stream().map(c -> String.join(" → ", c)).toList());
    return (cycles.size() == 1 ? "dependency cycle: " : "dependency cycles: ")
        + each
        + "; no rollout order puts every provider before its consumers";
  }
}
