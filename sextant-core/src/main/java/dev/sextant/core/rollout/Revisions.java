package dev.sextant.core.rollout;

import java.util.Objects;

/** The revision serving now and the one being rolled out; undo returns to {@code stable}. */
public record Revisions(String stable, String canary) {
  public Revisions {
    Objects.requireNonNull(stable, "stable");
    Objects.requireNonNull(canary, "canary");
  }
}
