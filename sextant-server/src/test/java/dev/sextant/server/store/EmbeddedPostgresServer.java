package dev.sextant.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM, started on first use and stopped by zonky's
 * shutdown hook. Each caller gets a database of its own, so tests stay independent.
 *
 * <p>initdb and postgres refuse to run as root. zonky 2.x handles that itself: when the JVM runs as
 * uid 0 and {@code unshare -U id -u} works, it starts them through {@code unshare -U}, in a new
 * user namespace with no uid map, where they see themselves as uid 65534 (nobody) and hold no
 * capabilities on the host; they can still write the data directory, which root owns. So the tests
 * pass as root with no user or chown of our own. Where unprivileged user namespaces are disabled
 * ({@code kernel.unprivileged_userns_clone=0}), run the build as a non-root user.
 */
public final class EmbeddedPostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** The JDBC URL of a new, empty database. */
  public static String newDatabase() {
    EmbeddedPostgres postgres = server();
    String name = "sextant_test_" + DATABASES.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres";
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                // Loopback only: nothing off this machine can reach the test server.
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }
}
