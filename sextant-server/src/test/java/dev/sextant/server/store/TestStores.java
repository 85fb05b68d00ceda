package dev.sextant.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens every store on a test's own database, H2 in its temporary directory or a fresh PostgreSQL
 * database, and closes what it opened when the test ends. Opening again in the same test opens the
 * same database.
 */
final class TestStores implements AutoCloseable {
  private final Path dataDirectory;
  private final Clock clock;
  private final List<ServerStores> opened = new ArrayList<>();
  private String postgresUrl;

  TestStores(Path dataDirectory, Clock clock) {
    this.dataDirectory = dataDirectory;
    this.clock = clock;
  }

  ServerStores open(Db db) {
    ServerStores stores =
        switch (db) {
          case H2 -> Stores.h2All(dataDirectory, clock);
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
  public void close() {
    opened.forEach(ServerStores::close);
  }
}
