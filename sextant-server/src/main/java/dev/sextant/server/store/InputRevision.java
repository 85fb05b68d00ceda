package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Objects;

/**
 * One stored thing a plan read, by name and revision number, with the digest it had then: a
 * resource revision, or a fingerprint revision (named by its environment; revision 0 when the
 * environment's declared facts stood in for a fingerprint).
 */
public record InputRevision(String name, long revision, Digest digest) {
  public InputRevision {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(digest, "digest");
    if (revision < 0) {
      throw new IllegalArgumentException("a revision number is not negative: " + revision);
    }
  }

  /** {@code name@revision}, as messages name it. */
  @Override
  public String toString() {
    return name + "@" + revision;
  }
}
