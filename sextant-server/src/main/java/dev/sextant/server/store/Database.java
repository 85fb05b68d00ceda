package dev.sextant.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The store: a connection pool on H2 or PostgreSQL whose schema Flyway has brought up to date, and
 * the only place where transactions begin, commit, roll back and are retried. Services work through
 * units of work ({@link #write}, {@link #read}); the repositories of a {@link Transaction} hold all
 * the SQL.
 */
public final class Database implements AutoCloseable {
  /** How many times a unit of work runs before a conflict is given up; a retry locks first. */
  public static final int MAX_ATTEMPTS = 10;

  /** The longest pause before a retry; the pauses grow from 2 ms and are drawn at random. */
  private static final long MAX_BACKOFF_MILLIS = 100;

  private static final String MIGRATIONS = "classpath:db/migration";

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Clock clock;
  private final String maskedUrl;
  private final EventFeed feed = new EventFeed();

  private Database(HikariDataSource pool, Dialect dialect, Clock clock, String maskedUrl) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.dialect = dialect;
    this.clock = clock;
    this.maskedUrl = maskedUrl;
  }

  /**
   * The embedded H2 store in a data directory, created (readable by its owner only) when new.
   *
   * @throws StoreUnavailableException when the directory cannot be created or the database opened
   *     (for example because another process holds it)
   */
  public static Database h2(Path dataDirectory, Clock clock) {
    return DataDirectory.open(
        dataDirectory, url -> open(url, Optional.empty(), Optional.empty(), clock));
  }

  /**
   * Opens a pool for the URL and migrates the schema. Credentials may be in the URL ({@code
   * ?user=…&password=…}) or given apart; messages show the URL with the password masked.
   *
   * @throws StoreUnavailableException when the database cannot be reached or migrated
   */
  public static Database open(
      String jdbcUrl, Optional<String> user, Optional<String> password, Clock clock) {
    String maskedUrl = JdbcUrls.masked(jdbcUrl);
    Dialect dialect;
    try {
      dialect = Dialect.of(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw new StoreUnavailableException(maskedUrl, "open", e);
    }
    HikariDataSource pool = connect(jdbcUrl, user, password, dialect, maskedUrl);
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
    return new Database(pool, dialect, Objects.requireNonNull(clock, "clock"), maskedUrl);
  }

  private static HikariDataSource connect(
      String jdbcUrl,
      Optional<String> user,
      Optional<String> password,
      Dialect dialect,
      String maskedUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sextant-store");
    config.setJdbcUrl(JdbcUrls.quiet(jdbcUrl));
    config.setConnectionInitSql(dialect.sessionSetup());
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

  /**
   * Runs a unit of work in one transaction and commits it; the result is durable when this returns.
   * When the work loses to a concurrent one (a compare-and-set that moved no row, a duplicate key,
   * a deadlock), everything it did is rolled back and it runs again, up to {@value #MAX_ATTEMPTS}
   * times, so the work must do nothing but database work.
   *
   * @param what what the work does, for messages ("apply release/checkout")
   * @throws ConflictException when it lost every attempt
   * @throws StoreException when the database fails otherwise, or the work changed state without
   *     appending an event
   */
  public <T> T write(String what, Work<T> work) {
    Throwable lastConflict = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      boolean retrying = attempt > 1;
      try {
        Transaction[] committed = new Transaction[1];
        T result =
            jdbi.inTransaction(
                TransactionIsolationLevel.READ_COMMITTED,
                handle -> {
                  Transaction tx = Transaction.writing(handle, clock, retrying);
                  T done = work.run(tx);
                  tx.requireEventForChanges(what);
                  committed[0] = tx;
                  return done;
                });
        feed.committed(committed[0].lastSequence());
        return result;
      } catch (LostRace e) {
        lastConflict = e;
      } catch (JdbiException e) {
        if (!dialect.isConflict(e)) {
          throw failure(what, e);
        }
        lastConflict = e;
      }
      if (!backOff(attempt)) {
        break;
      }
    }
    throw new ConflictException(what, MAX_ATTEMPTS, lastConflict);
  }

  /**
   * Waits a random while before the next attempt, so that units of work that lost to each other do
   * not meet again at once: H2 fails a statement that waited for a row another transaction then
   * changed, so on a busy row, retries in step keep losing. False when interrupted.
   */
  private static boolean backOff(int attempt) {
    long bound = Math.min(MAX_BACKOFF_MILLIS, 2L << Math.min(attempt, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs work that only reads, in one transaction, so that what it reads is consistent.
   *
   * @throws StoreException when the database fails
   */
  public <T> T read(String what, Work<T> work) {
    try {
      return jdbi.inTransaction(
          TransactionIsolationLevel.READ_COMMITTED,
          handle -> work.run(Transaction.reading(handle, clock)));
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  /**
   * Checks that the database answers.
   *
   * @throws StoreException when it does not
   */
  public void ping() {
    try {
      jdbi.withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
    } catch (JdbiException e) {
      throw failure("answer a ping", e);
    }
  }

  /** Wakes those who wait for the events that this process commits. */
  public EventFeed feed() {
    return feed;
  }

  /** The pool, for work that the store delivers through a library of its own (db-scheduler). */
  public DataSource dataSource() {
    return pool;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL with any password masked. */
  public String url() {
    return maskedUrl;
  }

  @Override
  public void close() {
    pool.close();
  }

  private StoreException failure(String what, JdbiException e) {
    return new StoreException(
        "cannot " + what + " in the store at " + maskedUrl + ": " + e.getMessage(), e);
  }
}
