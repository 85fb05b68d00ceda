package dev.sextant.server.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Every row of every table the store keeps state in, to compare a store before and after. */
final class Tables {
  static final List<String> STATE =
      List.of(
          "resources",
          "revisions",
          "fingerprint_heads",
          "fingerprints",
          "agents",
          "drift_reports",
          "identities",
          "api_tokens",
          "role_grants",
          "plans",
          "approvals",
          "rollouts",
          "rollout_events",
          "rollout_commands",
          "trusted_keys",
          "event_log_head",
          "events");

  private Tables() {}

  /**
   * Each table's rows as text, sorted, so that two snapshots compare equal when nothing changed.
   */
  static Map<String, List<String>> snapshot(Database database) {
    Map<String, List<String>> tables = new TreeMap<>();
    Jdbi.create(database.dataSource())
        .useHandle(
            handle -> {
              for (String table : STATE) {
                tables.put(
                    table,
                    handle.createQuery("select * from " + table).mapToMap().list().stream()
                        .map(row -> new TreeMap<>(row).toString())
                        .sorted()
                        .toList());
              }
            });
    return tables;
  }

  /** Runs one statement of test setup, such as a constraint that makes a write fail. */
  static void execute(Database database, String sql) {
    Jdbi.create(database.dataSource()).useHandle(handle -> handle.execute(sql));
  }
}
