package dev.sextant.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.validation.Input;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.work.WorkSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server wires the store, the services, the background work and the API, and stops them. */
class SextantServerTest {
  @TempDir Path home;

  @Test
  void a_changed_environment_has_its_drift_checked_at_once_not_at_the_next_poll() throws Exception {
    // Nothing would find the work for 30 s, nor check every environment for an hour: only the
    // wake after the apply can run the check in time.
    WorkSettings slow =
        new WorkSettings("slow", Duration.ofSeconds(30), Duration.ofSeconds(2), 4, 2, Duration.ofSeconds(5));
    ServerConfig config =
        ServerConfig.onLoopback(new StoreLocation.Embedded(home))
            .withDriftInterval(Duration.ofHours(1))
            .withWork(slow);
    try (SextantServer server = SextantServer.start(config)) {
      Services services = server.services();
      services.resources().apply(List.of(lab("aarch64")), "alice");
      services.discovery().record("lab", arm(), "file:arm.yaml");
      assertThat(driftEvents(services)).isZero();

      long started = System.nanoTime();
      services.resources().apply(List.of(lab("x86_64")), "alice");
      long deadline = started + Duration.ofSeconds(10).toNanos();
      while (driftEvents(services) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(driftEvents(services)).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(services.drift().reports("lab", 10)).hasSize(1);
    }
  }

  private static long driftEvents(Services services) {
    return services.events(EventQuery.last(100).ofType("drift.detected")).size();
  }

  private static Fingerprint arm() {
    return Fingerprint.of(Map.of("cpu.arch", new Fact.Text("aarch64")))
        .collectedAt(Instant.parse("2026-12-01T10:00:00Z"));
  }

  private static Input lab(String arch) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: lab
        spec:
          description: A lab whose declared architecture changes.
          target:
            type: local
          facts:
            cpu.arch: %s
          drift: alert
        """
            .formatted(arch);
    return new Input("lab.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}
