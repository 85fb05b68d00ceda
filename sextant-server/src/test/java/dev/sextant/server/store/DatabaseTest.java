package dev.sextant.server.store;

import static dev.sextant.server.store.Documents.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opening the database, what an operator sees when that fails, and bringing a database of the first
 * schema up to date.
 */
class DatabaseTest {
  private static final Instant COLLECTED = Instant.parse("2025-03-01T09:29:58Z");
  private static final ResourceKey CHECKOUT = new ResourceKey(Kind.SERVICE, "checkout");

  @TempDir Path dataDirectory;

  private final Clock clock = Clock.systemUTC();

  @Test
  void the_h2_database_in_a_data_directory_opens_again_after_close_with_everything_in_it() {
    try (Database database = Database.h2(dataDirectory, clock)) {
      database.ping();
      apply(database);
      record(database);
    }

    // Closed means the file lock is released: the same directory opens again, with all of it.
    try (Database database = Database.h2(dataDirectory, clock)) {
      database.read(
          "read everything",
          tx -> {
            assertThat(tx.resources().history(CHECKOUT)).hasSize(1);
            assertThat(tx.fingerprints().environments()).containsExactly("prod-eu");
            assertThat(tx.events().list(EventQuery.last(10)))
                .extracting(e -> e.envelope().type())
                .containsExactly(ResourceApplied.TYPE, FingerprintRecorded.TYPE);
            return null;
          });
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

    try (Database database = Database.open(url, Optional.empty(), Optional.empty(), clock)) {
      Optional<Revision> checkout = database.read("read", tx -> tx.resources().latest(CHECKOUT));
      assertThat(checkout)
          .hasValueSatisfying(revision -> assertThat(revision.author()).isEqualTo("alice"));
      assertThat(record(database).revision().number()).isEqualTo(1);
      List<LoggedEvent> events = database.read("list", tx -> tx.events().list(EventQuery.last(10)));
      assertThat(events).extracting(LoggedEvent::sequence).containsExactly(1L);
    }
  }

  @Test
  void a_database_that_is_down_is_unavailable_and_the_message_names_the_url_without_the_password()
      throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/sextant?user=ops&password=s3cret";

    assertThatThrownBy(() -> Database.open(url, Optional.empty(), Optional.empty(), clock))
        .isInstanceOfSatisfying(
            StoreUnavailableException.class,
            e -> {
              assertThat(e.url()).isEqualTo(url.replace("s3cret", "***"));
              assertThat(e.getMessage())
                  .startsWith("cannot open the store at " + e.url() + ": ")
                  .doesNotContain("s3cret");
            })
        .isInstanceOf(StoreException.class);
  }

  @Test
  void a_url_that_no_driver_understands_is_unavailable() {
    String url = "jdbc:nosuchdb://somewhere";

    assertThatThrownBy(() -> Database.open(url, Optional.empty(), Optional.empty(), clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot open the store at jdbc:nosuchdb://somewhere: ");
  }

  @Test
  void a_data_directory_that_is_a_file_is_unavailable() throws IOException {
    Path file = Files.writeString(dataDirectory.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> Database.h2(file, clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot create the data directory for the store at jdbc:h2:file:");
  }

  @Test
  void a_data_directory_that_another_process_holds_is_unavailable_and_the_message_says_so()
      throws IOException {
    Database.h2(dataDirectory, clock).close();

    // What a running server holds: the lock on the database file.
    try (FileChannel file =
            FileChannel.open(
                dataDirectory.resolve("sextant.mv.db"),
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = file.lock()) {
      assertThat(lock.isValid()).isTrue();
      assertThatThrownBy(() -> Database.h2(dataDirectory, clock))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith("cannot open the store at jdbc:h2:file:")
          .hasMessageEndingWith(
              ": another process has it open (is a sextant server running on this data"
                  + " directory? then talk to it with --server URL)");
    }
    // H2 keeps no stack trace of its own beside the data: the message above says it all.
    assertThat(dataDirectory.resolve("sextant.trace.db")).doesNotExist();
  }

  @Test
  void the_h2_store_is_created_in_a_data_directory_that_does_not_exist_yet() {
    Path nested = dataDirectory.resolve("a/b");

    try (Database database = Database.h2(nested, clock)) {
      List<Revision> history = database.read("read", tx -> tx.resources().history(CHECKOUT));
      assertThat(history).isEmpty();
    }
    assertThat(nested.resolve("sextant.mv.db")).isRegularFile();
  }

  @Test
  void the_h2_url_names_the_sextant_database_in_the_data_directory() {
    assertThat(JdbcUrls.h2(Path.of("/var/lib/sextant")))
        .isEqualTo("jdbc:h2:file:/var/lib/sextant/sextant;AUTO_SERVER=FALSE;WRITE_DELAY=0");
    assertThatThrownBy(() -> JdbcUrls.h2(Path.of("/tmp/a;INIT=RUNSCRIPT")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void h2_is_told_to_keep_no_trace_file_unless_the_url_asks_for_one() {
    assertThat(JdbcUrls.quiet("jdbc:h2:file:/srv/s;AUTO_SERVER=FALSE"))
        .isEqualTo("jdbc:h2:file:/srv/s;AUTO_SERVER=FALSE;TRACE_LEVEL_FILE=0");
    assertThat(JdbcUrls.quiet("jdbc:h2:file:/srv/s;trace_level_file=2"))
        .isEqualTo("jdbc:h2:file:/srv/s;trace_level_file=2");
    assertThat(JdbcUrls.quiet("jdbc:postgresql://db/sextant"))
        .isEqualTo("jdbc:postgresql://db/sextant");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jdbc:postgresql://h/s                     | jdbc:postgresql://h/s
          jdbc:postgresql://h/s?password=p&ssl=true | jdbc:postgresql://h/s?password=***&ssl=true
          jdbc:postgresql://h/s?user=u&PASSWORD=p   | jdbc:postgresql://h/s?user=u&PASSWORD=***
          jdbc:postgresql://h/s?sslpassword=k&x=1   | jdbc:postgresql://h/s?sslpassword=***&x=1
          jdbc:h2:/d/s;USER=sa;PASSWORD=p;X=1       | jdbc:h2:/d/s;USER=sa;PASSWORD=***;X=1
          jdbc:mysql://u:p@h/s                      | jdbc:mysql://u:***@h/s
          """)
  void a_url_is_shown_with_its_passwords_masked(String url, String masked) {
    assertThat(JdbcUrls.masked(url)).isEqualTo(masked);
  }

  private static ApplyOutcome apply(Database database) {
    return database.write(
        "apply checkout",
        tx -> {
          ApplyOutcome outcome =
              tx.resources().apply(service("checkout", "registry/checkout:1.0", ""), "alice");
          tx.events().append(ResourceApplied.of(outcome));
          return outcome;
        });
  }

  private static FingerprintOutcome record(Database database) {
    FingerprintRecord fingerprint = Fingerprints.withDriver("550.54.15", COLLECTED);
    return database.write(
        "record a fingerprint of prod-eu",
        tx -> {
          FingerprintOutcome outcome = tx.fingerprints().record("prod-eu", fingerprint);
          tx.events()
              .append(
                  FingerprintRecorded.of(
                      "prod-eu",
                      fingerprint.source(),
                      fingerprint.digest(),
                      outcome,
                      Optional.empty()));
          return outcome;
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
