package dev.sextant.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Opens the resource store: embedded H2 in a data directory, or any JDBC URL (PostgreSQL). */
public final class Stores {
  private Stores() {}

  /**
   * The embedded H2 store in {@code dataDirectory}, created with its schema when new.
   *
   * @throws StoreUnavailableException when the directory cannot be created or the database opened
   *     (for example because another process holds it)
   */
  public static ResourceStore h2(Path dataDirectory) {
    return h2(dataDirectory, Clock.systemUTC());
  }

  public static ResourceStore h2(Path dataDirectory, Clock clock) {
    String url = JdbcUrls.h2(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreUnavailableException(url, "create the data directory for", e);
    }
    return open(url, clock);
  }

  /**
   * The store at a JDBC URL, migrated to the current schema. Credentials may be in the URL ({@code
   * ?user=…&password=…}); messages show it with the password masked.
   *
   * @throws StoreUnavailableException when the database cannot be reached or migrated
   */
  public static ResourceStore open(String jdbcUrl) {
    return open(jdbcUrl, Clock.systemUTC());
  }

  /** As {@link #open(String)}, with credentials kept out of the URL. */
  public static ResourceStore open(String jdbcUrl, String user, String password) {
    return new JdbiResourceStore(
        Database.open(jdbcUrl, Optional.of(user), Optional.of(password)), Clock.systemUTC());
  }

  public static ResourceStore open(String jdbcUrl, Clock clock) {
    return new JdbiResourceStore(Database.open(jdbcUrl, Optional.empty(), Optional.empty()), clock);
  }
}
