package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import java.time.Duration;
import java.util.function.Predicate;

/** The deploy tests' client of a real server: deploy to {@code dev}, and wait for a rollout. */
record Rollouts(ApiClient api) {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  JsonNode deploy(String release) {
    return api.post(
        "api/v1/deployments",
        JsonNodeFactory.instance.objectNode().put("release", release).put("environment", "dev"));
  }

  /** The rollout once {@code until} holds of it, as the API shows it. */
  JsonNode await(JsonNode rollout, Predicate<JsonNode> until) throws InterruptedException {
    return awaitPath("api/v1/rollouts/" + rollout.path("id").asText(), until);
  }

  /** The list of rollouts, newest first, once {@code until} holds of it. */
  JsonNode awaitList(Predicate<JsonNode> until) throws InterruptedException {
    return awaitPath("api/v1/rollouts", r -> until.test(r.path("items"))).path("items");
  }

  private JsonNode awaitPath(String path, Predicate<JsonNode> until) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode now = api.get(path).orElseThrow();
    while (!until.test(now)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never got there: " + now.toPrettyString());
      }
      Thread.sleep(50);
      now = api.get(path).orElseThrow();
    }
    return now;
  }
}
