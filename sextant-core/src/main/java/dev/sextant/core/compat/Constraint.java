package dev.sextant.core.compat;

import dev.sextant.core.fingerprint.Fingerprint;

/**
 * A prepared requirement: evaluated against one environment's facts at a time. Implementations are
 * immutable and thread-safe, so that one release can be planned against many fingerprints at once.
 */
@FunctionalInterface
public interface Constraint {

  /** Whether the facts meet the requirement, with what was required and what was observed. */
  Finding evaluate(Fingerprint fingerprint);
}
