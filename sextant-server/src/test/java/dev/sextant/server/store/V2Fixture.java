package dev.sextant.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The V2 store fixture ({@code upgrade/v2-store.sql}, written by the V2 release's own stores
 * (V2FixtureWriter, in commit 2b3b3a6)) and what the V2 code reads back from it ({@code
 * upgrade/v2-store.expected.json}): a database migrated to version 2 only, then loaded with the
 * fixture, holds a store as the V2 release wrote it.
 */
final class V2Fixture {
  static final String SQL = "upgrade/v2-store.sql";
  static final String EXPECTED = "upgrade/v2-store.expected.json";

  private V2Fixture() {}

  /** Migrates an empty database to schema version 2 and no further. */
  static void migrateToV2(String jdbcUrl) {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .target("2")
        .load()
        .migrate();
  }

  /** Runs the fixture's statements on a database at schema version 2, in one transaction. */
  static void load(String jdbcUrl) {
    run(jdbcUrl, statements(resource(SQL)));
  }

  /** What the V2 code reads back from the fixture, as {@link StoreSnapshot#text} writes it. */
  static String expected() {
    return resource(EXPECTED);
  }

  /**
   * The statements of a script in the fixture's format: one statement a line, ending in {@code ;};
   * blank lines and lines starting with {@code --} are skipped. (The writer keeps every value on
   * its line, so no statement spans lines and no {@code ;} inside a value needs parsing.)
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    int number = 0;
    for (String line : script.split("\n", -1)) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("--")) {
        continue;
      }
      if (!text.endsWith(";")) {
        throw new IllegalArgumentException(
            "line " + number + " of the script is not one whole statement ending in ';'");
      }
      statements.add(text.substring(0, text.length() - 1));
    }
    return statements;
  }

  static void run(String jdbcUrl, List<String> statements) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          try {
            statement.execute(sql);
          } catch (SQLException e) {
            throw new SQLException(
                "cannot run: " + (sql.length() > 200 ? sql.substring(0, 200) + "…" : sql), e);
          }
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the script into " + JdbcUrls.masked(jdbcUrl), e);
    }
  }

  /** A UTF-8 text resource on the test class path. */
  static String resource(String name) {
    try (InputStream in = V2Fixture.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
