package dev.sextant.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens every store on a test's own database, H2 in a temporary directory or a fresh PostgreSQL
 * database, and closes and deletes what it opened when the test ends. Opening again in the same
 * test opens the same database. Register it per test: {@code @RegisterExtension final TestStores
 * stores = new TestStores(clock);}
 */
final class TestStores implements AfterEachCallback {
  private final Clock clock;
  private final List<ServerStores> opened = new ArrayList<>();
  private Path dataDirectory;
  private String postgresUrl;

  TestStores(Clock clock) {
    this.clock = clock;
  }

  ServerStores open(Db db) {
    ServerStores stores =
        switch (db) {
          case H2 -> Stores.h2All(dataDirectory(), clock);
          case POSTGRESQL -> {
            if (postgresUrl == null) {
              postgresUrl = EmbeddedPostgresServer.newDatabase();
            }
            yield Stores.openAll(postgresUrl, clock);
          }
        };
    opened.add(stores);
    return stores;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    opened.forEach(ServerStores::close);
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
