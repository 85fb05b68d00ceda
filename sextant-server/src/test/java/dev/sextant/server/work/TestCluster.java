package dev.sextant.server.work;

import dev.sextant.server.store.Database;
import dev.sextant.server.store.EmbeddedPostgresServer;
import dev.sextant.server.store.JdbcUrls;
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
 * Nodes of background work on a test's own database, H2 in a temporary directory or a fresh
 * PostgreSQL database, each node with a pool of its own as a separate server would have. Closes the
 * nodes, then their pools, and deletes what it made when the test ends. Register it per test:
 * {@code @RegisterExtension final TestCluster cluster = new TestCluster();}
 */
final class TestCluster implements AfterEachCallback {
  private final List<BackgroundWork> nodes = new ArrayList<>();
  private final List<Database> databases = new ArrayList<>();
  private Path dataDirectory;
  private String postgresUrl;

  /** A node that has not started, on this test's database of the dialect. */
  BackgroundWork node(
      SchedulerDialect dialect,
      WorkSettings settings,
      List<RecurringWork> recurring,
      List<OneTimeWork> oneTime) {
    Database database = database(dialect);
    BackgroundWork node =
        new BackgroundWork(database.dataSource(), dialect, settings, recurring, oneTime);
    nodes.add(node);
    return node;
  }

  /** A new pool on this test's database of the dialect, migrated. */
  Database database(SchedulerDialect dialect) {
    Database database =
        Database.open(url(dialect), Optional.empty(), Optional.empty(), Clock.systemUTC());
    databases.add(database);
    return database;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    nodes.forEach(BackgroundWork::close);
    databases.forEach(Database::close);
    if (dataDirectory != null) {
      try (Stream<Path> walk = Files.walk(dataDirectory)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private String url(SchedulerDialect dialect) {
    return switch (dialect) {
      case H2 -> JdbcUrls.h2(dataDirectory());
      case POSTGRESQL -> {
        if (postgresUrl == null) {
          postgresUrl = EmbeddedPostgresServer.newDatabase();
        }
        yield postgresUrl;
      }
    };
  }

  private Path dataDirectory() {
    if (dataDirectory == null) {
      try {
        dataDirectory = Files.createTempDirectory("sextant-work-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dataDirectory;
  }
}
