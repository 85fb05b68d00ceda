package dev.sextant.server.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a transaction that lost to a concurrent one, and may simply run again, from a real failure.
 * Both databases report a duplicate key as 23505; the rest are how each reports that a row another
 * transaction held was changed or could not be had.
 */
final class Conflicts {
  private static final Set<String> SQL_STATES =
      Set.of(
          "23505", // unique violation: a concurrent first apply inserted the resource
          "40001", // serialization failure (PostgreSQL) or deadlock (H2)
          "40P01", // PostgreSQL deadlock
          "90131", // H2: row changed by a concurrent transaction
          "HYT00"); // H2: lock wait timed out

  private Conflicts() {}

  static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
