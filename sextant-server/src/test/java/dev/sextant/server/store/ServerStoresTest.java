package dev.sextant.server.store;

import static dev.sextant.server.store.Documents.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening every store on one database, and bringing a database of the first schema up to date. */
class ServerStoresTest {
  private static final Instant COLLECTED = Instant.parse("2025-03-01T09:29:58Z");

  @TempDir Path dataDirectory;

  @Test
  void every_store_shares_the_h2_database_in_the_data_directory_and_closes_with_it() {
    try (ServerStores stores = Stores.h2All(dataDirectory)) {
      stores.ping();
      stores.resources().apply(service("checkout", "registry/checkout:1.0", ""), "alice");
      stores.fingerprints().record("prod-eu", Fingerprints.withDriver("550.54.15", COLLECTED));
      stores.events().append(Event.of("fingerprint.recorded", "environment/prod-eu", "recorded"));
    }

    // Closed means the file lock is released: the resource store alone opens the same database.
    try (ResourceStore resources = Stores.h2(dataDirectory)) {
      assertThat(resources.history(new ResourceKey(Kind.SERVICE, "checkout"))).hasSize(1);
    }
    try (ServerStores stores = Stores.h2All(dataDirectory)) {
      assertThat(stores.fingerprints().environments()).containsExactly("prod-eu");
      assertThat(stores.events().list(EventQuery.last(10))).hasSize(1);
    }
  }

  /** A database that an earlier Sextant left at the first schema, with resources in it. */
  @StoreTest
  void a_database_of_the_first_schema_is_migrated_and_keeps_its_resources(Db db)
      throws SQLException {
    String url =
        switch (db) {
          case H2 -> JdbcUrls.h2(dataDirectory);
          case POSTGRESQL -> EmbeddedPostgresServer.newDatabase();
        };
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into resources (kind, name, current_revision) values ('Service', 'checkout', 1)");
      statement.execute(
          "insert into revisions (kind, name, revision, digest, author, created_at, document)"
              + " values ('Service', 'checkout', 1, 'sha256:"
              + "0".repeat(64)
              + "', 'alice', TIMESTAMP WITH TIME ZONE '2025-03-01 09:30:00+00',"
              + " '{\"kind\":\"Service\",\"metadata\":{\"name\":\"checkout\"}}')");
    }

    try (ServerStores stores = Stores.openAll(url, Clock.systemUTC())) {
      assertThat(stores.resources().latest(new ResourceKey(Kind.SERVICE, "checkout")))
          .hasValueSatisfying(revision -> assertThat(revision.author()).isEqualTo("alice"));
      assertThat(
              stores
                  .fingerprints()
                  .record("prod-eu", Fingerprints.withDriver("550.54.15", COLLECTED))
                  .revision()
                  .number())
          .isEqualTo(1);
      assertThat(stores.events().append(Event.of("a.b", "environment/prod-eu", "ok")).sequence())
          .isEqualTo(1);
    }
  }
}
