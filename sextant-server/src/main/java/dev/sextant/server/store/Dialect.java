package dev.sextant.server.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * What differs between the two databases the store runs on, and nothing else: how each reports
 * that a transaction lost to a concurrent one, and whether it can skip locked rows. The schema and
 * every other statement are written in SQL that both accept.
 */
public enum Dialect {
  H2(
      Set.of(
          "40001", // deadlock
          "90131", // row changed by a concurrent transaction
          "HYT00"), // lock wait timed out
      false),
  POSTGRESQL(
      Set.of(
          "40001", // serialization failure
          "40P01", // deadlock
          "55P03"), // lock not available
      true);

  /** Both databases report a duplicate key (a concurrent first insert) as 23505. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Set<String> conflictStates;
  private final boolean skipsLocked;

  Dialect(Set<String> conflictStates, boolean skipsLocked) {
    this.conflictStates = conflictStates;
    this.skipsLocked = skipsLocked;
  }

  /** The dialect of a JDBC URL. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "the store runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…), not "
            + JdbcUrls.masked(jdbcUrl));
  }

  /**
   * Whether the failure says this transaction lost to a concurrent one, so that running it again
   * may succeed: a duplicate key, a deadlock, a lock that could not be had.
   */
  boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (UNIQUE_VIOLATION.equals(sql.getSQLState())
              || conflictStates.contains(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether {@code FOR UPDATE SKIP LOCKED} is available, for claiming work without waiting. */
  public boolean skipsLocked() {
    return skipsLocked;
  }
}
