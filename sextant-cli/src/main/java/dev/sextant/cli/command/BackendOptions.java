package dev.sextant.cli.command;

import dev.sextant.cli.Main;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.backend.LocalBackend;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command finds its resources: {@code --server}, or the local store. */
public final class BackendOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Talk to a running sextant server (default: $SEXTANT_SERVER). Without it, use the local store.")
  String server;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description = "The store's JDBC URL, e.g. jdbc:postgresql://localhost:5432/sextant?user=sextant (default: embedded H2 in $SEXTANT_HOME, or ~/.sextant).")
  String db;

  Backend open(Main.Context context) {
    return open(context, () -> java.util.Optional.empty());
  }

  /**
   * @param token read only when the backend is a server: a token file that is named but unused
   *     is not an error
   */
  Backend open(Main.Context context, java.util.function.Supplier<java.util.Optional<String>> token) {
    String url = server != null ? server : context.env().get("SEXTANT_SERVER");
    if (url != null && !url.isBlank()) {
      return new RemoteBackend(url, token.get());
    }
    return LocalBackend.open(storeLocation(context));
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
