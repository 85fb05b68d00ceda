package dev.sextant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One client's writes to one subject: each round sends new content, so each confirmed write is a
 * new revision of the subject, readable at {@code <subject>/<revision>}.
 */
sealed interface Writer {
  Duration TIMEOUT = Duration.ofSeconds(20);

  /** The path under which the subject's revisions are read, e.g. {@code /api/v1/services/a/revisions}. */
  String subject();

  /** The request that writes round {@code round}'s content. */
  HttpRequest write(URI base, long round);

  /** The part of a 2xx answer that holds the confirmed {@code revision} and {@code digest}. */
  JsonNode outcome(JsonNode answer);

  /** Applies a Service of its own, its description changed every round. */
  static Writer service(String name) {
    return new Apply("services", name, """
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
    return new Apply("environments", name, """
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
    public HttpRequest write(URI base, long round) {
      return HttpRequest.newBuilder(base.resolve("/api/v1/apply"))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/yaml")
          .header("X-Sextant-Source", name + ".yaml")
          .POST(HttpRequest.BodyPublishers.ofString(template.formatted(name, round)))
          .build();
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
    public HttpRequest write(URI base, long round) {
      String fingerprint = """
          collectedAt: 2026-11-20T09:00:00Z
          facts:
            cpu.arch: x86_64
            cpu.cores: %d
          """.formatted(round);
      return HttpRequest.newBuilder(base.resolve(subject()))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/yaml")
          .header("X-Sextant-Source", environment + "-fingerprint.yaml")
          .header("Authorization", "Bearer " + ServerProcess.AGENT_TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(fingerprint))
          .build();
    }

    @Override
    public JsonNode outcome(JsonNode answer) {
      return answer;
    }
  }
}
