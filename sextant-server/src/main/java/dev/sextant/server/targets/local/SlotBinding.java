package dev.sextant.server.targets.local;

/**
 * What the engine wants of one bound slot: the loopback port of its release process, its admin
 * state and its weight. HAProxy forgets all three when it restarts; this is what gets re-asserted.
 */
public record SlotBinding(int port, ServerAdminState state, int weight) {
  public SlotBinding {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("no such port: " + port);
    }
    if (state == null) {
      throw new IllegalArgumentException("a bound slot needs a state");
    }
    if (weight < 0 || weight > TrafficSplit.MAX_WEIGHT) {
      throw new IllegalArgumentException("HAProxy weights run from 0 to 256, got " + weight);
    }
  }

  SlotBinding withState(ServerAdminState newState) {
    return new SlotBinding(port, newState, weight);
  }

  SlotBinding withWeight(int newWeight) {
    return new SlotBinding(port, state, newWeight);
  }
}
