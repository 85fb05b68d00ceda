package dev.sextant.core.graph;

import java.util.Objects;

/** A dependency that its provider does not meet, why, and a sentence that says so. */
public record Unsatisfied(DependencyEdge dependency, Reason reason, String message) {
  public Unsatisfied {
    Objects.requireNonNull(dependency, "dependency");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  public enum Reason {
    /** The provider has no release in the graph. */
    NO_RELEASE,
    /** The provider's release does not say which API version it provides. */
    NO_API,
    /** The provider's API version is outside the consumer's range. */
    OUT_OF_RANGE
  }
}
