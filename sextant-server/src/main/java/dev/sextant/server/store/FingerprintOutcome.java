package dev.sextant.server.store;

/** What recording a fingerprint did: the environment's current revision, and whether it is new. */
public record FingerprintOutcome(FingerprintSummary revision, Change change) {
  public enum Change {
    /** The digest differed from the current revision's (or there was none): a new revision. */
    RECORDED,
    /** The digest equals the current revision's: nothing was stored. */
    UNCHANGED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean recorded() {
    return change == Change.RECORDED;
  }
}
