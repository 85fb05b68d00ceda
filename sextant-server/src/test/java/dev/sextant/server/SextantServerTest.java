package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.work.WorkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server wires the store, the services, the background work and the API, and stops them. */
class SextantServerTest {
  @TempDir Path home;

  @Test
  void a_changed_environment_has_its_drift_checked_at_once_not_at_the_next_poll() throws Exception {
    // Nothing would find the work for 60 s, nor check every environment for an hour: only the
    // wake after the apply can run the check in time.
    WorkSettings slow =
        new WorkSettings(
            "slow", Duration.ofSeconds(60), Duration.ofSeconds(2), 4, 2, Duration.ofSeconds(5));
    ServerConfig config =
        ServerConfig.onLoopback(new StoreLocation.Embedded(home))
            .withDriftInterval(Duration.ofHours(1))
            .withWork(slow);
    try (SextantServer server = SextantServer.start(config)) {
      Services services = server.services();
      services.resources().apply(List.of(Lab.declaring("aarch64")), "alice");
      services.discovery().record("lab", Lab.host("aarch64"), "file:arm.yaml", "operator");
      assertThat(driftEvents(services)).isZero();

      long started = System.nanoTime();
      services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
      long deadline = started + Duration.ofSeconds(20).toNanos();
      // Woken by each event this server commits, the drift check's among them.
      for (long seen = services.lastEvent();
          driftEvents(services) == 0 && System.nanoTime() < deadline;
          seen = services.lastEvent()) {
        services.database().feed().awaitAfter(seen, Duration.ofNanos(deadline - System.nanoTime()));
      }

      assertThat(driftEvents(services)).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
      assertThat(services.drift().reports("lab", 10)).hasSize(1);
    }
  }

  @Test
  void a_server_on_an_embedded_store_keeps_its_ledger_key_in_the_data_directory() throws Exception {
    try (SextantServer server =
        SextantServer.start(ServerConfig.onLoopback(new StoreLocation.Embedded(home)))) {
      assertThat(server.port()).isPositive();
    }
    Path key = home.resolve(LedgerKey.FILE_NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(home.resolve(LedgerKey.FILE_NAME + ".pub")).exists();
  }

  @Test
  void a_ledger_key_file_that_holds_no_key_stops_the_start_with_its_path() throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve(LedgerKey.FILE_NAME), "not a key");

    assertThatThrownBy(
            () -> SextantServer.start(ServerConfig.onLoopback(new StoreLocation.Embedded(home))))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining(home.resolve(LedgerKey.FILE_NAME).toString());
  }

  private static long driftEvents(Services services) {
    return services.events(EventQuery.last(100).ofType("drift.detected")).size();
  }
}
