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

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "A file holding the API token that says who you are (default: $SEXTANT_TOKEN; for the local server, $SEXTANT_HOME/admin.token, the first admin's).")
  Path tokenFile;

  Backend open(Main.Context context) {
    String url = server != null ? server : context.env().get("SEXTANT_SERVER");
    if (url != null && !url.isBlank()) {
      return new RemoteBackend(url, token(context, Optional.empty()));
    }
    // A server runs on the embedded store of a data directory only: one per JDBC URL, found
    // through some shared file, is future work, and a PostgreSQL store is shared anyway.
    if (db != null || noDaemon(context)) {
      return LocalBackend.open(storeLocation(context), Plugins.validators(context));
    }
    ServerFile local = LocalServer.connect(home(context), context.env(), context.err());
    Optional<String> token = token(context, Optional.of(home(context)));
    if (token.isEmpty()) {
      context
          .err()
          .printf(
              "sextant: no API token: set SEXTANT_TOKEN, or, as the owner of %s whose %s is"
                  + " gone, run 'sextant server stop' then 'sextant server --new-admin-token'%n",
              home(context), LocalServer.ADMIN_TOKEN);
    }
    return new RemoteBackend(local.url(), token);
  }

  /**
   * The API token: {@code --token-file}, else {@code SEXTANT_TOKEN}, else for the local server of a
   * data directory the first admin's, which only the directory's owner can read.
   */
  private Optional<String> token(Main.Context context, Optional<Path> home) {
    if (tokenFile != null) {
      return TokenFiles.read(tokenFile);
    }
    Optional<String> fromEnv =
        Optional.ofNullable(context.env().get("SEXTANT_TOKEN")).filter(t -> !t.isBlank());
    if (fromEnv.isPresent()) {
      return fromEnv.map(String::strip);
    }
    return home.map(LocalServer::adminTokenFile)
        .filter(java.nio.file.Files::isReadable)
        .flatMap(TokenFiles::read);
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
