package dev.sextant.server.targets.local;

/** The two versions a service runs during a rollout, each with its own server slots. */
public enum Track {
  STABLE("stable"),
  CANARY("canary");

  private final String slotPrefix;

  Track(String slotPrefix) {
    this.slotPrefix = slotPrefix;
  }

  String slotPrefix() {
    return slotPrefix;
  }
}
