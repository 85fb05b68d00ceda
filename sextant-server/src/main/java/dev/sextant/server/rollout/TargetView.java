package dev.sextant.server.rollout;

import java.util.List;
import java.util.Optional;

/**
 * What a target runs for a rollout's service now: where its traffic enters, and each instance.
 *
 * @param endpoint the address clients use (HAProxy's frontend on the local target), when known here
 */
public record TargetView(Optional<String> endpoint, List<Instance> instances) {
  public static final TargetView NONE = new TargetView(Optional.empty(), List.of());

  /** One instance: its track ({@code stable}, {@code canary}), index, revision, state and port. */
  public record Instance(
      String track, int index, String revision, String state, int port, int restarts) {}
}
