package dev.sextant.server.targets.local;

/**
 * The versions a service runs during a rollout, each with its own server slots: the stable one, the
 * canary, and, while a judge compares them, a baseline of the stable version that gets the canary's
 * share of traffic so both are measured under the same conditions.
 */
public enum Track {
  STABLE("stable"),
  CANARY("canary"),
  BASELINE("baseline");

  private final String slotPrefix;

  Track(String slotPrefix) {
    this.slotPrefix = slotPrefix;
  }

  String slotPrefix() {
    return slotPrefix;
  }
}
