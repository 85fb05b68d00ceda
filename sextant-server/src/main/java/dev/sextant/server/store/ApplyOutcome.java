package dev.sextant.server.store;

/** What an apply did: the revision that is now current, and whether it is new. */
public record ApplyOutcome(Revision revision, Change change) {
  /** As kubectl reports it: created, configured (a new revision) or unchanged (same digest). */
  public enum Change {
    CREATED,
    CONFIGURED,
    UNCHANGED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
