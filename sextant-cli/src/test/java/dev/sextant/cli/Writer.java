package dev.sextant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One client's writes to one subject: each round sends new content, so each confirmed write is a
 * new revision of the subject, readable at {@code <subject>/<revision>}.
 */
sealed interface Writer {
  /** How long a write or read waits for its answer. */
  Duration TIMEOUT = Duration.ofSeconds(20);

  /** A client of the server at {@code base} that waits {@link #TIMEOUT} for each answer. */
  static ApiClient client(URI base) {
    return new ApiClient(base, Optional.of(ServerProcess.ADMIN_TOKEN), TIMEOUT);
  }

  /**
   * The path under which the subject's revisions are read, e.g. {@code
   * /api/v1/services/a/revisions}.
   */
  String subject();

  /** Writes round {@code round}'s content and returns the answer, whatever its status. */
  ApiResponse write(ApiClient api, long round);

  /** The part of a 2xx answer that holds the confirmed {@code revision} and {@code digest}. */
  JsonNode outcome(JsonNode answer);

  /** Applies a Service of its own, its description changed every round. */
  static Writer service(String name) {
    return new Apply(
        "services",
        name,
        """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: %1$s
        spec:
          description: Round %2$d of a crash test.
          owner: team-crash
        """);
  }

  /** Applies an Environment of its own, its description changed every round. */
  static Writer environment(String name) {
    return new Apply(
        "environments",
        name,
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: %1$s
        spec:
          description: Round %2$d of a crash test.
          target:
            type: agent
          drift: alert
        """);
  }

  /** Records fingerprints of an environment that must exist, one fact changed every round. */
  static Writer fingerprints(String environment) {
    return new Record(environment);
  }

  record Apply(String plural, String name, String template) implements Writer {
    @Override
    public String subject() {
      return "/api/v1/" + plural + "/" + name + "/revisions";
    }

    @Override
    public ApiResponse write(ApiClient api, long round) {
      return api.exchange(
          "POST",
          "/api/v1/apply",
          Map.of("Content-Type", "application/yaml", "X-Sextant-Source", name + ".yaml"),
          template.formatted(name, round).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode outcome(JsonNode answer) {
      return answer.at("/results/0");
    }
  }

  record Record(String environment) implements Writer {
    @Override
    public String subject() {
      return "/api/v1/environments/" + environment + "/fingerprints";
    }

    @Override
    public ApiResponse write(ApiClient api, long round) {
      String fingerprint =
          """
          collectedAt: 2026-11-20T09:00:00Z
          facts:
            cpu.arch: x86_64
            cpu.cores: %d
          """
              .formatted(round);
      return api.exchange(
          "POST",
          subject(),
          Map.of(
              "Content-Type", "application/yaml",
              "X-Sextant-Source", environment + "-fingerprint.yaml",
              "Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN),
          fingerprint.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode outcome(JsonNode answer) {
      return answer;
    }
  }
}
