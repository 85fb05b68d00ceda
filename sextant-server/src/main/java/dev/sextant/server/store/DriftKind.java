package dev.sextant.server.store;

import java.util.Arrays;
import java.util.Optional;

/** What a drift check compared the current fingerprint with. */
public enum DriftKind {
  /** The facts that the Environment declares. */
  DECLARED("declared"),
  /** The environment's last known good fingerprint. */
  LAST_KNOWN_GOOD("last-known-good");

  private final String word;

  DriftKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<DriftKind> fromWord(String word) {
    return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
  }
}
