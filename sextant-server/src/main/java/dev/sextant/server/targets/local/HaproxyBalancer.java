package dev.sextant.server.targets.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's traffic as the engine wants it, held here and pushed to HAProxy through its runtime
 * API. HAProxy keeps none of it across a restart, so {@link #reassert()} sends it all again.
 */
public final class HaproxyBalancer {
  private static final String LOOPBACK = "127.0.0.1";

  private final HaproxyConfig config;
  private final HaproxyRuntime runtime;
  private final Map<Slot, SlotBinding> desired = new LinkedHashMap<>();

  public HaproxyBalancer(HaproxyConfig config, HaproxyRuntime runtime) {
    this.config = config;
    this.runtime = runtime;
  }

  /** Points {@code slot} at a release process on {@code port}; it gets no traffic until ready. */
  public void bind(Slot slot, int port) {
    requireDeclared(slot);
    SlotBinding binding = new SlotBinding(port, ServerAdminState.MAINT, 0);
    runtime.setState(config.backend(), slot.serverName(), ServerAdminState.MAINT);
    runtime.setWeight(config.backend(), slot.serverName(), 0);
    runtime.setServerAddress(config.backend(), slot.serverName(), LOOPBACK, port);
    desired.put(slot, binding);
  }

  /**
   * Sets a bound slot's admin state; a drained slot keeps its weight for when it is ready again.
   */
  public void setState(Slot slot, ServerAdminState state) {
    SlotBinding binding = bound(slot);
    runtime.setState(config.backend(), slot.serverName(), state);
    desired.put(slot, binding.withState(state));
  }

  /**
   * Gives every ready slot its track's weight from {@code split} and every other bound slot 0.
   * Weights that fall are sent before weights that rise, canary first, so that on an abort the
   * canary's weight is 0 before anything else happens. When the canary carried everything, that
   * leaves a moment with no weight anywhere, in which HAProxy answers 503.
   *
   * @throws IllegalStateException when the split counts other ready instances than are bound
   */
  public void split(TrafficSplit split) {
    for (Track track : Track.values()) {
      if (readyOn(track) != split.readyOn(track)) {
        throw new IllegalStateException(
            "the split counts "
                + split.readyOn(track)
                + " "
                + track.slotPrefix()
                + " instances ready, but "
                + readyOn(track)
                + " ready slots are bound");
      }
    }
    List<Map.Entry<Slot, Integer>> falling = new ArrayList<>();
    List<Map.Entry<Slot, Integer>> rising = new ArrayList<>();
    for (Map.Entry<Slot, SlotBinding> e : desired.entrySet()) {
      SlotBinding b = e.getValue();
      int weight = b.state() == ServerAdminState.READY ? split.weightOf(e.getKey().track()) : 0;
      (weight < b.weight() ? falling : rising).add(Map.entry(e.getKey(), weight));
    }
    falling.sort(Comparator.comparing(e -> e.getKey().track() != Track.CANARY));
    for (Map.Entry<Slot, Integer> e : falling) {
      setWeight(e.getKey(), e.getValue());
    }
    for (Map.Entry<Slot, Integer> e : rising) {
      setWeight(e.getKey(), e.getValue());
    }
  }

  /**
   * Sends every bound slot's address, weight and state again, as after HAProxy restarted with its
   * configuration's disabled, weightless slots. The state goes last, so no slot takes traffic
   * before its weight is right.
   */
  public void reassert() {
    for (Map.Entry<Slot, SlotBinding> e : desired.entrySet()) {
      String server = e.getKey().serverName();
      SlotBinding b = e.getValue();
      runtime.setServerAddress(config.backend(), server, LOOPBACK, b.port());
      runtime.setWeight(config.backend(), server, b.weight());
      runtime.setState(config.backend(), server, b.state());
    }
  }

  /** The bound slots as the engine wants them. */
  public Map<Slot, SlotBinding> desired() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(desired));
  }

  private void setWeight(Slot slot, int weight) {
    runtime.setWeight(config.backend(), slot.serverName(), weight);
    desired.put(slot, desired.get(slot).withWeight(weight));
  }

  private long readyOn(Track track) {
    return desired.entrySet().stream()
        .filter(e -> e.getKey().track() == track && e.getValue().state() == ServerAdminState.READY)
        .count();
  }

  private SlotBinding bound(Slot slot) {
    requireDeclared(slot);
    SlotBinding binding = desired.get(slot);
    if (binding == null) {
      throw new IllegalStateException(slot.serverName() + " is not bound to a process");
    }
    return binding;
  }

  private void requireDeclared(Slot slot) {
    if (slot.index() > config.slotsPerTrack()) {
      throw new IllegalArgumentException(
          config.backend()
              + " has "
              + config.slotsPerTrack()
              + " slots per track, not "
              + slot.serverName());
    }
  }
}
