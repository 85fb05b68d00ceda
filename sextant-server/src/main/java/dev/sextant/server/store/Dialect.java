package dev.sextant.server.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * What differs between the two databases the store runs on, and nothing else: how each reports that
 * a transaction lost to a concurrent one, and how each is told how long to wait for a lock. The
 * schema and every other statement are written in SQL that both accept; how db-scheduler claims
 * work on each is {@link dev.sextant.server.work.SchedulerDialect}'s.
 */
public enum Dialect {
  H2(
      Set.of(
          "40001", // deadlock
          "90131", // row changed by a concurrent transaction
          "HYT00"), // lock wait timed out
      "SET LOCK_TIMEOUT " + Dialect.LOCK_TIMEOUT_MILLIS),
  POSTGRESQL(
      Set.of(
          "40001", // serialization failure
          "40P01", // deadlock
          "55P03"), // lock not available
      "SET lock_timeout = " + Dialect.LOCK_TIMEOUT_MILLIS);

  /**
   * How long a statement waits for a row that another transaction holds. Units of work take
   * milliseconds, so a longer wait means something is stuck: the attempt fails as a conflict and
   * runs again, and after the last attempt the caller is told to try again, rather than hanging
   * (PostgreSQL's default is to wait for ever).
   */
  static final int LOCK_TIMEOUT_MILLIS = 1_000;

  /** Both databases report a duplicate key (a concurrent first insert) as 23505. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Set<String> conflictStates;
  private final String sessionSetup;

  Dialect(Set<String> conflictStates, String sessionSetup) {
    this.conflictStates = conflictStates;
    this.sessionSetup = sessionSetup;
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

  /** The statement that every new connection runs first: the lock timeout. */
  String sessionSetup() {
    return sessionSetup;
  }
}
