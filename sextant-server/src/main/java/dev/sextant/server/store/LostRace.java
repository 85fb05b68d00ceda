package dev.sextant.server.store;

/**
 * Thrown inside a unit of work when a compare-and-set moved no row because a concurrent write moved
 * it first. {@link Database#write} rolls the attempt back and runs it again.
 */
final class LostRace extends RuntimeException {
  LostRace(String what) {
    super(what, null, false, false);
  }
}
