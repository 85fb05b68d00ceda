package dev.sextant.server.targets.local;

/**
 * A fixed server slot in a service's HAProxy backend, such as {@code canary-2}. Slots are declared
 * once in the configuration and later pointed at release processes at runtime, so moving traffic
 * never needs a reload.
 *
 * @param track the version the slot serves
 * @param index 1-based, up to the configuration's slots per track
 */
public record Slot(Track track, int index) {
  public Slot {
    if (track == null) {
      throw new IllegalArgumentException("a slot needs a track");
    }
    if (index < 1) {
      throw new IllegalArgumentException("slot indexes start at 1, got " + index);
    }
  }

  /** The server's name in HAProxy. */
  public String serverName() {
    return track.slotPrefix() + "-" + index;
  }
}
