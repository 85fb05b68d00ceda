package dev.sextant.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dumps the tables of a V2 store as SQL that H2 2.x and PostgreSQL both run, in {@link
 * V2Fixture#statements}' format: one statement a line, in an order that satisfies the foreign keys.
 *
 * <ul>
 *   <li>{@code fingerprint_heads} and {@code fingerprints} refer to each other, so heads go in with
 *       no last known good, then the fingerprints, then an UPDATE sets the last known good.
 *   <li>The V2 migration already inserts {@code event_log_head}'s single row: it is updated.
 *   <li>{@code drift_reports.id} is an identity column; explicit ids do not move its sequence on
 *       either database, so it is restarted past the largest id.
 *   <li>Times are {@code TIMESTAMP WITH TIME ZONE '2026-11-20T09:05:00.125Z'} literals: UTC, to the
 *       millisecond, read the same whatever the session's time zone.
 *   <li>Text is in single quotes, each quote doubled; a control character (none occurs in
 *       canonical JSON) is written as {@code CHR(n)}, so that every statement stays on its line.
 * </ul>
 */
final class V2SqlDump {
  /** The tables of schema V2, in insert order, with the order of their rows. */
  private static final List<String[]> TABLES =
      List.of(
          new String[] {"resources", "kind, name"},
          new String[] {"revisions", "kind, name, revision"},
          new String[] {"fingerprint_heads", "environment"},
          new String[] {"fingerprints", "environment, revision"},
          new String[] {"agents", "name"},
          new String[] {"event_log_head", "id"},
          new String[] {"events", "sequence_number"},
          new String[] {"drift_reports", "id"});

  private static final Set<String> NOT_DUMPED = Set.of("flyway_schema_history");
  private static final Set<String> LAST_KNOWN_GOOD =
      Set.of("last_known_good", "last_known_good_at", "last_known_good_by");
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private V2SqlDump() {}

  /** The statements that recreate every row of the store's tables. */
  static List<String> dump(Connection connection) throws SQLException {
    checkTables(connection);
    List<String> out = new ArrayList<>();
    List<String> lastKnownGood = new ArrayList<>();
    for (String[] table : TABLES) {
      String name = table[0];
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT * FROM " + name + " ORDER BY " + table[1])) {
        ResultSetMetaData meta = rows.getMetaData();
        long maxId = 0;
        out.add("-- " + name);
        while (rows.next()) {
          List<String> columns = new ArrayList<>();
          List<String> values = new ArrayList<>();
          List<String> assignments = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            String value = literal(rows, i, meta.getColumnType(i));
            if (name.equals("fingerprint_heads") && LAST_KNOWN_GOOD.contains(column)) {
              assignments.add(column + " = " + value);
              value = "NULL";
            }
            columns.add(column);
            values.add(value);
          }
          if (name.equals("event_log_head")) {
            out.add(
                "UPDATE event_log_head SET last_sequence = "
                    + rows.getLong("last_sequence")
                    + " WHERE id = "
                    + rows.getLong("id")
                    + ";");
            continue;
          }
          out.add(
              "INSERT INTO "
                  + name
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + String.join(", ", values)
                  + ");");
          if (name.equals("fingerprint_heads") && rows.getObject("last_known_good") != null) {
            lastKnownGood.add(
                "UPDATE fingerprint_heads SET "
                    + String.join(", ", assignments)
                    + " WHERE environment = "
                    + text(rows.getString("environment"))
                    + ";");
          }
          if (name.equals("drift_reports")) {
            maxId = Math.max(maxId, rows.getLong("id"));
          }
        }
        if (name.equals("fingerprints")) {
          out.add("-- fingerprint_heads: the last known good, now that its fingerprint is in");
          out.addAll(lastKnownGood);
        }
        if (name.equals("drift_reports")) {
          out.add("-- drift_reports: later saves take ids after the fixture's");
          out.add("ALTER TABLE drift_reports ALTER COLUMN id RESTART WITH " + (maxId + 1) + ";");
        }
      }
    }
    return out;
  }

  /** Fails unless the database's tables are exactly the V2 tables and Flyway's. */
  private static void checkTables(Connection connection) throws SQLException {
    Set<String> expected = new TreeSet<>(NOT_DUMPED);
    TABLES.forEach(table -> expected.add(table[0]));
    Set<String> found = new TreeSet<>();
    try (ResultSet tables =
        connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        found.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    if (!found.equals(expected)) {
      throw new IllegalStateException(
          "the store's tables are " + found + ", not V2's " + expected + "; update V2SqlDump");
    }
  }

  private static String literal(ResultSet rows, int column, int type) throws SQLException {
    switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
        long value = rows.getLong(column);
        return rows.wasNull() ? "NULL" : Long.toString(value);
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null
            ? "NULL"
            : "TIMESTAMP WITH TIME ZONE '" + UTC_MILLIS.format(value.toInstant()) + "'";
      }
      case Types.VARCHAR, Types.CLOB, Types.LONGVARCHAR, Types.CHAR -> {
        String value = rows.getString(column);
        return value == null ? "NULL" : text(value);
      }
      default ->
          throw new IllegalStateException(
              "no literal for SQL type "
                  + rows.getMetaData().getColumnTypeName(column)
                  + " of column "
                  + rows.getMetaData().getColumnLabel(column));
    }
  }

  /** A string literal both databases read alike (standard_conforming_strings is on in PG). */
  static String text(String value) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (c < 0x20 || c == 0x7f) {
        out.append("' || CHR(").append((int) c).append(") || '");
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
