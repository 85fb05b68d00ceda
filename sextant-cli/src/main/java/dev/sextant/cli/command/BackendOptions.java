package dev.sextant.cli.command;

import dev.sextant.cli.Main;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.backend.LocalBackend;
import dev.sextant.cli.backend.LocalServer;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.cli.backend.ServerFile;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command finds its resources: {@code --server}; else the local server of the data
 * directory, started when none runs; else, with {@code --db} or {@code SEXTANT_NO_DAEMON}, the
 * store opened in this process. A command opens it only when it reads or writes stored state.
 */
public final class BackendOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Talk to a running sextant server (default: $SEXTANT_SERVER). Without it, use the local server of $SEXTANT_HOME, started in the background when none runs (SEXTANT_NO_DAEMON=1: open the store in this process).")
  String server;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The store's JDBC URL, e.g. jdbc:postgresql://localhost:5432/sextant?user=sextant (default: embedded H2 in $SEXTANT_HOME, or ~/.sextant).")
  String db;

  Backend open(Main.Context context) {
    return open(context, () -> java.util.Optional.empty());
  }

  /**
   * @param token read only when the backend is a server: a token file that is named but unused is
   *     not an error
   */
  Backend open(
      Main.Context context, java.util.function.Supplier<java.util.Optional<String>> token) {
    String url = server != null ? server : context.env().get("SEXTANT_SERVER");
    if (url != null && !url.isBlank()) {
      return new RemoteBackend(url, token.get());
    }
    // A server runs on the embedded store of a data directory only: one per JDBC URL, found
    // through some shared file, is future work, and a PostgreSQL store is shared anyway.
    if (db != null || noDaemon(context)) {
      return LocalBackend.open(storeLocation(context), Plugins.validators(context));
    }
    ServerFile local = LocalServer.connect(home(context), context.env(), context.err());
    return new RemoteBackend(local.url(), Optional.of(local.token()));
  }

  /**
   * {@code SEXTANT_NO_DAEMON=1} (or {@code true}): open the store here, as Gradle's --no-daemon.
   */
  static boolean noDaemon(Main.Context context) {
    String value = context.env().get("SEXTANT_NO_DAEMON");
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  /** The store a server should use: {@code --db}, or the embedded one in the data directory. */
  StoreLocation storeLocation(Main.Context context) {
    return db != null ? new StoreLocation.Url(db) : new StoreLocation.Embedded(home(context));
  }

  static Path home(Main.Context context) {
    String home = context.env().get("SEXTANT_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".sextant");
  }
}
