package dev.sextant.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A connection pool on H2 or PostgreSQL whose schema Flyway has brought up to date. The same
 * migrations serve both databases, so they are written in SQL that each accepts.
 */
public final class Database implements AutoCloseable {
  private static final String MIGRATIONS = "classpath:db/migration";

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final String maskedUrl;

  private Database(HikariDataSource pool, String maskedUrl) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.maskedUrl = maskedUrl;
  }

  /**
   * Opens a pool for the URL and migrates the schema.
   *
   * @throws StoreUnavailableException when the database cannot be reached or migrated
   */
  public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password) {
    String maskedUrl = JdbcUrls.masked(jdbcUrl);
    HikariDataSource pool = connect(jdbcUrl, user, password, maskedUrl);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreUnavailableException(maskedUrl, "migrate", e);
    }
    return new Database(pool, maskedUrl);
  }

  private static HikariDataSource connect(
      String jdbcUrl, Optional<String> user, Optional<String> password, String maskedUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sextant-store");
    config.setJdbcUrl(jdbcUrl);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(1);
    try {
      // Hikari's default initialization timeout tries one connection now, so a wrong URL or a
      // database that is down fails here rather than at the first apply.
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(maskedUrl, "open", e);
    }
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** The JDBC URL with any password masked. */
  public String url() {
    return maskedUrl;
  }

  @Override
  public void close() {
    pool.close();
  }
}
