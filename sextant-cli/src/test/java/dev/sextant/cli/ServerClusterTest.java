package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.store.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sextant server} processes on one PostgreSQL store: the scheduled drift check, due
 * every second, runs once per due time on one of them, and a finding is stored once.
 */
class ServerClusterTest {
  private static final Pattern DUE = Pattern.compile("the check due at (\\S+)\\)");
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int RUNS = 6;

  @TempDir Path homeA;
  @TempDir Path homeB;

  @Test
  void two_servers_on_one_postgresql_run_each_scheduled_drift_check_once() throws Exception {
    List<String> store = List.of("--db", EmbeddedPostgresServer.newDatabase());
    try (ServerProcess a = ServerProcess.start(homeA, store, "1s");
        ServerProcess b = ServerProcess.start(homeB, store, "1s")) {
      post(a, "/api/v1/apply", LAB);
      post(b, "/api/v1/environments/lab/fingerprints", ARM_FINGERPRINT);

      ServerProcess.awaitOutput(() -> due(a, b).size() >= RUNS, Duration.ofSeconds(30));

      List<Instant> due = due(a, b);
      assertThat(due).as("scheduled checks within 30 s").hasSizeGreaterThanOrEqualTo(RUNS);
      assertThat(due).as("each due check ran once").doesNotHaveDuplicates();
      for (int i = 1; i < due.size(); i++) {
        // One schedule for the cluster: each check is due an interval after the last one ended.
        assertThat(Duration.between(due.get(i - 1), due.get(i)))
            .as("after " + due.get(i - 1))
            .isGreaterThanOrEqualTo(INTERVAL);
      }
      assertThat(get(a, "/api/v1/environments/lab/drift/reports").get("items")).hasSize(1);
      assertThat(get(b, "/api/v1/events?type=drift.detected").get("items")).hasSize(1);
    }
  }

  /** The due times of the checks both servers ran, in order. */
  private static List<Instant> due(ServerProcess... servers) {
    List<Instant> due = new ArrayList<>();
    for (ServerProcess server : servers) {
      Matcher matcher = DUE.matcher(server.output());
      while (matcher.find()) {
        due.add(Instant.parse(matcher.group(1)));
      }
    }
    return due.stream().sorted().toList();
  }

  private static void post(ServerProcess server, String path, String body) {
    ApiResponse response =
        api(server)
            .exchange(
                "POST",
                path,
                Map.of("Content-Type", "application/yaml"),
                body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static JsonNode get(ServerProcess server, String path) {
    return api(server).exchange("GET", path, Map.of(), null).json();
  }

  /** A client of the server with the agent token, which the fingerprint route asks for. */
  private static ApiClient api(ServerProcess server) {
    return new ApiClient(server.base(), Optional.of(ServerProcess.ADMIN_TOKEN));
  }

  private static final String LAB =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: lab
      spec:
        description: A lab that declares x86_64 hosts.
        target:
          type: local
        facts:
          cpu.arch: x86_64
        drift: alert
      """;

  private static final String ARM_FINGERPRINT =
      """
      environment: lab
      collectedAt: 2026-12-01T10:00:00Z
      facts:
        cpu.arch: aarch64
      """;
}
