package dev.sextant.server.store;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one compare-and-set of the store: a head row points at the current revision of a versioned
 * thing (a resource, an environment's fingerprints), and a new revision moves it from n to n+1 only
 * where it still says n. The row count decides: 0 means a concurrent write won (the unit of work
 * runs again), more than 1 is a bug and is said so.
 */
final class HeadPointer {
  private final String table;
  private final SortedMap<String, Object> key;
  private final String where;
  private final String what;

  /**
   * @param table the head table, with a {@code current_revision} column
   * @param key the columns and values that select one head row
   * @param what the versioned thing, for messages
   */
  HeadPointer(String table, Map<String, Object> key, String what) {
    this.table = table;
    this.key = new TreeMap<>(key);
    this.where =
        this.key.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" and "));
    this.what = what;
  }

  /**
   * Locks the head row before it is read, so that a unit of work that lost once waits its turn
   * instead of losing again. Only on a retry: the first attempt takes no lock.
   */
  void lockOnRetry(Transaction tx) {
    if (tx.retrying()) {
      tx.handle()
          .createQuery("select current_revision from " + table + " where " + where + " for update")
          .bindMap(key)
          .mapTo(Long.class)
          .findOne();
    }
  }

  /** Inserts the head of a new thing at revision 1; a concurrent first insert fails on its key. */
  void create(Transaction tx) {
    String columns = String.join(", ", key.keySet());
    String values = key.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    tx.handle()
        .createUpdate(
            "insert into "
                + table
                + " ("
                + columns
                + ", current_revision) values ("
                + values
                + ", 1)")
        .bindMap(key)
        .execute();
  }

  /**
   * Moves the pointer from {@code current} to {@code current + 1}.
   *
   * @throws LostRace when a concurrent write moved it first
   */
  void advance(Transaction tx, long current) {
    int moved =
        tx.handle()
            .createUpdate(
                "update "
                    + table
                    + " set current_revision = :next where "
                    + where
                    + " and current_revision = :current")
            .bindMap(key)
            .bind("next", current + 1)
            .bind("current", current)
            .execute();
    if (moved == 0) {
      throw new LostRace("the head of " + what + " moved");
    }
    if (moved > 1) {
      throw new StoreException("bug: moving the head of " + what + " changed " + moved + " rows");
    }
  }
}
