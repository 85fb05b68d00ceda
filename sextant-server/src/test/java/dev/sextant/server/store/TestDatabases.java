package dev.sextant.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens a {@link Database} of a test's own, H2 in a temporary directory or a fresh PostgreSQL
 * database, and closes and deletes what it opened when the test ends. Opening again in the same
 * test opens the same database. Register it per test: {@code @RegisterExtension final TestDatabases
 * databases = new TestDatabases(clock);}
 */
final class TestDatabases implements AfterEachCallback {
  private final Clock clock;
  private final List<Database> opened = new ArrayList<>();
  private Path dataDirectory;
  private String postgresUrl;

  TestDatabases(Clock clock) {
    this.clock = clock;
  }

  Database open(Db db) {
    Database database =
        switch (db) {
          case H2 -> Database.h2(dataDirectory(), clock);
          case POSTGRESQL -> {
            if (postgresUrl == null) {
              postgresUrl = EmbeddedPostgresServer.newDatabase();
            }
            yield Database.open(postgresUrl, Optional.empty(), Optional.empty(), clock);
          }
        };
    opened.add(database);
    return database;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    opened.forEach(Database::close);
    if (dataDirectory != null) {
      try (Stream<Path> walk = Files.walk(dataDirectory)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private Path dataDirectory() {
    if (dataDirectory == null) {
      try {
        dataDirectory = Files.createTempDirectory("sextant-store-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dataDirectory;
  }
}
