package dev.sextant.server.targets.local;

/** What the operator (here, the engine) asks of a server through the runtime API. */
public enum ServerAdminState {
  /** Takes part in load balancing by its weight. */
  READY("ready"),
  /** Gets no new requests but keeps its weight, so {@link #READY} restores the split. */
  DRAIN("drain"),
  /** Gets no traffic and no health checks. */
  MAINT("maint");

  private final String word;

  ServerAdminState(String word) {
    this.word = word;
  }

  /** The word {@code set server … state} takes. */
  public String word() {
    return word;
  }
}
