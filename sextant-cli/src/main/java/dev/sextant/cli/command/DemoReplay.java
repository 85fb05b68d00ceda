package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.backend.RemoteBackend;

/**
 * The demo's replay of a finished rollout, as {@code sextant audit replay} shows it: its plan made
 * again from the recorded inputs, and whether the digest is the same.
 */
record DemoReplay(boolean same, String line) {

  static DemoReplay of(RemoteBackend api, JsonNode rollout) {
    String id = rollout.path("id").asText();
    JsonNode replay = ApiCalls.get(api, "api/v1/rollouts/" + id + "/replay", "rollout " + id);
    if (replay.path("same").asBoolean()) {
      return new DemoReplay(
          true,
          "replay: same plan digest "
              + replay.path("replayedDigest").asText()
              + " ("
              + replay.path("plan").asText()
              + " of "
              + id
              + ", 'sextant audit replay --rollout "
              + id
              + "')");
    }
    return new DemoReplay(
        false,
        "replay: DIFFERENT plan digest: recorded "
            + replay.path("recordedDigest").asText()
            + ", replayed "
            + replay.path("replayedDigest").asText("none")
            + " ('sextant audit replay --rollout "
            + id
            + "' says why)");
  }
}
