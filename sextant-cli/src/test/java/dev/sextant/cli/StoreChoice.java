package dev.sextant.cli;

import dev.sextant.server.store.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.List;

/** The CLI's store tests run on the default embedded H2 and on a real PostgreSQL via --db. */
enum StoreChoice {
  H2,
  POSTGRESQL;

  Cli cli(Path home) {
    return Cli.withHome(home).withStoreArgs(storeArgs().toArray(String[]::new));
  }

  /**
   * The arguments that put a command on this store: none for H2 in $SEXTANT_HOME, or a new
   * database.
   */
  List<String> storeArgs() {
    return this == POSTGRESQL ? List.of("--db", EmbeddedPostgresServer.newDatabase()) : List.of();
  }
}
