package dev.sextant.core.compat.parameter;

/** Why an expression has no value on one fingerprint: an absent fact, a wrong unit, zero. */
final class Unresolvable extends Exception {
  Unresolvable(String problem) {
    super(problem, null, false, false);
  }
}
