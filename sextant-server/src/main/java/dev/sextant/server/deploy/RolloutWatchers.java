package dev.sextant.server.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes those who watch a rollout (its event streams) when it moved or was measured, so a watcher
 * sends the news at once rather than at its next look.
 */
public final class RolloutWatchers {
  private final Map<String, Object> signals = new ConcurrentHashMap<>();

  /** Something about the rollout changed. */
  public void changed(String rollout) {
    Object signal = signals.get(rollout);
    if (signal != null) {
      synchronized (signal) {
        signal.notifyAll();
      }
    }
  }

  /**
   * Waits until the rollout changes or {@code millis} pass, whichever is first. A change between
   * two waits is seen at the latest when the next wait times out.
   */
  public void await(String rollout, long millis) throws InterruptedException {
    Object signal = signals.computeIfAbsent(rollout, id -> new Object());
    synchronized (signal) {
      signal.wait(millis);
    }
  }
}
