package dev.sextant.server.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What was done about drift, as an Environment's {@code spec.drift} asks. */
public enum DriftAction {
  /** Nothing: there was no drift, or nothing is asked for. */
  NONE,
  /** An event and a metric. */
  ALERT,
  /** No new deployment to the environment until a later check finds no drift. */
  BLOCK,
  /** Declared state re-applied (once the rollout engine exists). */
  REMEDIATE,
  /** Rolled back to the last known good (once the rollout engine exists). */
  ROLLBACK;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DriftAction> fromWord(String word) {
    return Arrays.stream(values()).filter(action -> action.word().equals(word)).findFirst();
  }
}
