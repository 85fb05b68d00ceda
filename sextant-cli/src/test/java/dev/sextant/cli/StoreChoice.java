package dev.sextant.cli;

import dev.sextant.server.store.EmbeddedPostgresServer;
import java.nio.file.Path;

/** The CLI's store tests run on the default embedded H2 and on a real PostgreSQL via --db. */
enum StoreChoice {
  H2,
  POSTGRESQL;

  Cli cli(Path home) {
    Cli cli = Cli.withHome(home);
    return this == POSTGRESQL ? cli.withStoreArgs("--db", EmbeddedPostgresServer.newDatabase()) : cli;
  }
}
