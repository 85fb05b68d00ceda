package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code sextant server} process SIGKILLed at step boundaries of a canary of the sample
 * service on the local target, and started again on the same store each time: the rollout
 * completes, every command of every move is carried out and none twice, and what the killed servers
 * left running (HAProxy, instances) is stopped by the next.
 */
// A stream waited on never ends by itself when the rollout stalls: the test does, failing.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServerKillRolloutTest {
  private static final List<String> EMBEDDED = List.of();

  @TempDir Path home;

  @Test
  void a_canary_survives_its_server_killed_at_three_step_boundaries() throws Exception {
    ServerProcess server = ServerProcess.start(home, EMBEDDED);
    try {
      ApiClient api = client(server);
      apply(api);
      await(api, deploy(api, "sample-1"), r -> r.path("phase").asText().equals("succeeded"));
      String id = deploy(api, "sample-2").path("id").asText();

      // Killed as the rollout reaches each of these versions: its first weight set, its second,
      // and its promotion (the move that ends it, before its commands are all carried out).
      for (int version : new int[] {2, 4, 5}) {
        await(api, id, r -> r.path("version").asInt() >= version || r.path("terminal").asBoolean());
        assertThat(server.kill()).isEqualTo(ServerProcess.KILLED);
        server = ServerProcess.start(home, EMBEDDED);
        api = client(server);
      }
      JsonNode done =
          await(
              api,
              id,
              r ->
                  r.path("terminal").asBoolean()
                      && r.path("settled").asBoolean()
                      && r.path("instances").size() == 1
                      && r.path("instances").get(0).path("track").asText().equals("stable")
                      && r.path("instances").get(0).path("state").asText().equals("ready"));

      assertThat(done.path("phase").asText()).isEqualTo("succeeded");
      assertThat(done.path("instances").get(0).path("revision").asText())
          .isEqualTo("sample-2@1/jar");
      long asked = 0;
      for (JsonNode moved :
          api.get("api/v1/events?type=rollout.moved&subject=rollout/" + id + "&limit=1000")
              .orElseThrow()
              .path("items")) {
        asked += moved.path("detail").path("commands").asLong();
      }
      // Settled: every command of every move is marked done, each with its event.
      List<String> ran = ran(api);
      assertThat(ran).as("no command carried out twice").doesNotHaveDuplicates();
      assertThat(ran.stream().filter(k -> k.startsWith(id + "/")).count())
          .as("every command of every move carried out: " + ran)
          .isEqualTo(asked);
      // The last server is killed too; the next one on the directory stops what it left running.
      List<Long> left = pids(home);
      assertThat(left).isNotEmpty();
      assertThat(server.kill()).isEqualTo(ServerProcess.KILLED);
      assertThat(left.stream().map(ProcessHandle::of).filter(p -> p.isPresent())).isNotEmpty();
      server = ServerProcess.start(home, EMBEDDED);
      for (long pid : left) {
        ProcessHandle.of(pid)
            .ifPresent(
                p ->
                    assertThat(p.onExit().orTimeout(10, TimeUnit.SECONDS).join().isAlive())
                        .isFalse());
      }
      assertThat(pids(home)).isEmpty();
    } finally {
      server.close();
    }
  }

  /** The idempotency keys of the commands carried out, in order. */
  private static List<String> ran(ApiClient api) {
    List<String> ran = new ArrayList<>();
    api.get("api/v1/events?type=rollout.command-ran&limit=1000")
        .orElseThrow()
        .path("items")
        .forEach(e -> ran.add(e.path("detail").path("key").asText()));
    return ran;
  }

  /** The processes the local target keeps in its data directory as its own. */
  private static List<Long> pids(Path home) throws IOException {
    return Files.readAllLines(home.resolve("local").resolve("processes")).stream()
        .map(line -> Long.parseLong(line.split(" ")[0]))
        .toList();
  }

  private static ApiClient client(ServerProcess server) {
    return new ApiClient(server.base(), Optional.of(ServerProcess.ADMIN_TOKEN));
  }

  private static JsonNode deploy(ApiClient api, String release) {
    return api.post(
        "api/v1/deployments",
        JsonNodeFactory.instance.objectNode().put("release", release).put("environment", "dev"));
  }

  private static JsonNode await(ApiClient api, JsonNode rollout, Predicate<JsonNode> until) {
    return RolloutStreams.await(api, rollout.path("id").asText(), until);
  }

  private static JsonNode await(ApiClient api, String id, Predicate<JsonNode> until) {
    return RolloutStreams.await(api, id, until);
  }

  private static void apply(ApiClient api) {
    SampleReleases sample = SampleReleases.built();
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: dev
        spec:
          target:
            type: local
        ---
        apiVersion: sextant.dev/v1
        kind: Strategy
        metadata:
          name: timed
        spec:
          canary:
            steps:
              - setWeight: 30
              - pause:
                  duration: 2s
              - setWeight: 60
              - pause:
                  duration: 2s
              - promote: {}
          abort:
            progressDeadline: 2m
        ---
        """
            + sample.release("sample-1", "1.0.0", "timed")
            + "---\n"
            + sample.release("sample-2", "2.0.0", "timed");
    api.post("api/v1/apply", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
