package dev.sextant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Waits on a real server by its event streams rather than by asking again and again: a rollout's
 * own stream, which ends once the rollout has ended and settled, and the outbox's.
 */
final class RolloutStreams {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RolloutStreams() {}

  /**
   * The rollout as it is when {@code until} first holds of it.
   *
   * @throws AssertionError when the rollout ends without it holding
   */
  static JsonNode await(ApiClient api, String id, Predicate<JsonNode> until) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    AtomicReference<JsonNode> found = new AtomicReference<>();
    api.stream(
        "api/v1/rollouts/" + id + "/events",
        event -> {
          if (!event.event().equals("rollout")) {
            return false;
          }
          JsonNode rollout = parse(event.data());
          seen.set(rollout);
          if (until.test(rollout)) {
            found.set(rollout);
            return false;
          }
          return true;
        });
    if (found.get() == null) {
      throw new AssertionError(
          "the rollout ended without getting there: "
              + (seen.get() == null ? "nothing seen" : seen.get().toPrettyString()));
    }
    return found.get();
  }

  /** The first event of the outbox, from its beginning, of which {@code wanted} holds. */
  static JsonNode firstEvent(ApiClient api, Predicate<JsonNode> wanted) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    api.stream(
        "api/v1/events/stream?after=0",
        event -> {
          JsonNode item = parse(event.data());
          if (wanted.test(item)) {
            found.set(item);
            return false;
          }
          return true;
        });
    return found.get();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
