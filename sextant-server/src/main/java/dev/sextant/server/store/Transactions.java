package dev.sextant.server.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Reads and retried writes on one database, with failures turned into {@link StoreException}s that
 * say what was being done and where.
 */
final class Transactions {
  /** How many times a write tries before giving up; a retry locks first and rarely loses. */
  static final int MAX_ATTEMPTS = 5;

  private final Database database;
  private final Jdbi jdbi;

  Transactions(Database database) {
    this.database = database;
    this.jdbi = database.jdbi();
  }

  /** One attempt of a write, in its own transaction. */
  @FunctionalInterface
  interface Attempt<T> {
    /**
     * The result, or empty when a concurrent write won a compare-and-set before this attempt wrote
     * anything; the write is then tried again. {@code retrying} is true from the second attempt on,
     * when the attempt should lock the rows it will change before reading them.
     */
    Optional<T> run(Handle handle, boolean retrying);
  }

  <T> T read(String what, HandleCallback<T, RuntimeException> query) {
    try {
      return jdbi.withHandle(query);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs the attempt until it gives a result, again after each lost compare-and-set and each
   * conflict the database reports (a duplicate key, a deadlock, a lock timeout).
   *
   * @throws ConcurrentWriteException after {@value #MAX_ATTEMPTS} lost attempts
   * @throws StoreException when the database fails otherwise
   */
  <T> T write(String what, Attempt<T> attempt) {
    JdbiException lastConflict = null;
    for (int number = 1; number <= MAX_ATTEMPTS; number++) {
      boolean retrying = number > 1;
      try {
        Optional<T> result =
            jdbi.inTransaction(
                TransactionIsolationLevel.READ_COMMITTED, handle -> attempt.run(handle, retrying));
        if (result.isPresent()) {
          return result.get();
        }
      } catch (JdbiException e) {
        if (!Conflicts.isConflict(e)) {
          throw failure(what, e);
        }
        lastConflict = e;
      }
    }
    throw new ConcurrentWriteException(what, MAX_ATTEMPTS, lastConflict);
  }

  private StoreException failure(String what, JdbiException e) {
    return new StoreException(
        "cannot " + what + " in the store at " + database.url() + ": " + e.getMessage(), e);
  }
}
