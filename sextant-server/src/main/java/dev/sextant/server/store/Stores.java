package dev.sextant.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the resource store, or every store of the server on one database ({@link ServerStores}):
 * embedded H2 in a data directory, or any JDBC URL (PostgreSQL).
 */
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
    return open(h2Url(dataDirectory), clock);
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

  /**
   * Every store of the server on the embedded H2 database in {@code dataDirectory}, as {@link
   * #h2(Path)} opens it.
   *
   * @throws StoreUnavailableException when the directory cannot be created or the database opened
   */
  public static ServerStores h2All(Path dataDirectory) {
    return h2All(dataDirectory, Clock.systemUTC());
  }

  public static ServerStores h2All(Path dataDirectory, Clock clock) {
    return openAll(h2Url(dataDirectory), clock);
  }

  /**
   * Every store of the server on the database at a JDBC URL, as {@link #open(String)} opens it.
   *
   * @throws StoreUnavailableException when the database cannot be reached or migrated
   */
  public static ServerStores openAll(String jdbcUrl) {
    return openAll(jdbcUrl, Clock.systemUTC());
  }

  public static ServerStores openAll(String jdbcUrl, Clock clock) {
    return ServerStores.on(Database.open(jdbcUrl, Optional.empty(), Optional.empty()), clock);
  }

  /** As {@link #openAll(String, Clock)}, with credentials kept out of the URL. */
  public static ServerStores openAll(String jdbcUrl, String user, String password, Clock clock) {
    return ServerStores.on(Database.open(jdbcUrl, Optional.of(user), Optional.of(password)), clock);
  }

  /** The H2 URL of the data directory, which is created when it does not exist. */
  private static String h2Url(Path dataDirectory) {
    String url = JdbcUrls.h2(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreUnavailableException(url, "create the data directory for", e);
    }
    return url;
  }
}
