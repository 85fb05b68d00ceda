package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;

/**
 * A set of versions written in one scheme, parsed once and then asked about many versions.
 * Implementations are immutable and thread-safe; {@link #toString()} gives the range as written.
 */
public interface VersionRange {

  /**
   * Whether {@code version} lies in the range. A version that cannot be read in this scheme is not
   * in it: an environment reporting {@code unknown} meets no range.
   */
  boolean contains(String version);

  /** The range in plain words, e.g. {@code at least 3.10 and below 3.13}. */
  String describe();

  /** The scheme the range is written in. */
  Requirement.Scheme scheme();
}
