package dev.sextant.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Where the store is: embedded H2 in a data directory, or a database at a JDBC URL. */
public sealed interface StoreLocation {

  /**
   * Opens the store there, migrated to the current schema.
   *
   * @throws StoreUnavailableException when it cannot be opened
   */
  Database open(Clock clock);

  /** The location as it may be shown: a password in a URL is masked. */
  String display();

  /** The embedded H2 store in a data directory, created when new. */
  record Embedded(Path dataDirectory) implements StoreLocation {
    @Override
    public Database open(Clock clock) {
      return Database.h2(dataDirectory, clock);
    }

    @Override
    public String display() {
      return JdbcUrls.h2(dataDirectory);
    }
  }

  /** A database at a JDBC URL, which may carry its credentials ({@code ?user=…&password=…}). */
  record Url(String jdbcUrl) implements StoreLocation {
    @Override
    public Database open(Clock clock) {
      return Database.open(jdbcUrl, Optional.empty(), Optional.empty(), clock);
    }

    @Override
    public String display() {
      return JdbcUrls.masked(jdbcUrl);
    }
  }
}
