package dev.sextant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rollout JSON as the API's contract shapes it, for tests of what the CLI shows of it. */
final class Rollouts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String STARTED =
      """
      {
        "id": "ro-1a2b3c4d5e", "service": "sample", "environment": "dev",
        "release": "sample-v2", "plan": "plan-3",
        "stableRevision": "sample-v1@1/default", "canaryRevision": "sample-v2@1/default",
        "phase": "progressing", "terminal": false,
        "step": 0, "steps": 4, "stepName": "setWeight", "weight": 0,
        "createdBy": "alice",
        "created": "2026-12-06T17:00:00Z", "updated": "2026-12-06T17:00:00Z",
        "instances": [
          {"track": "stable", "index": 0, "revision": "sample-v1@1/default", "state": "ready",
           "port": 41234, "restarts": 0}
        ],
        "measurements": []
      }
      """;

  private Rollouts() {}

  /** A rollout just started: step 1 of 4, one stable instance, nothing measured. */
  static ObjectNode started() {
    try {
      return (ObjectNode) JSON.readTree(STARTED);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The started rollout a while later: 20% on a ready canary, in its analysis step. */
  static ObjectNode analysing() {
    ObjectNode rollout = started();
    rollout.put("step", 1).put("stepName", "analysis").put("weight", 20);
    rollout.put("updated", "2026-12-06T17:01:05Z");
    ((ArrayNode) rollout.get("instances"))
        .addObject()
        .put("track", "canary")
        .put("index", 0)
        .put("revision", "sample-v2@1/default")
        .put("state", "ready")
        .put("port", 41235)
        .put("restarts", 1);
    return rollout;
  }

  /** One measurement more of the analysis. */
  static ObjectNode measured(ObjectNode rollout, String at, double value, String verdict) {
    ObjectNode measuredRollout = rollout.deepCopy();
    ((ArrayNode) measuredRollout.get("measurements"))
        .addObject()
        .put("analysis", "step-1")
        .put("metric", "error-rate")
        .put("at", at)
        .put("value", value)
        .put("verdict", verdict)
        .put("message", "");
    measuredRollout.put("updated", at);
    return measuredRollout;
  }

  /** The rollout with a judgement: error-ratio high and critical, latency alike; score 0. */
  static ObjectNode judged(ObjectNode rollout) {
    ObjectNode judged = rollout.deepCopy();
    ObjectNode judgement =
        judged
            .putArray("judgements")
            .addObject()
            .put("analysis", "step-1")
            .put("at", "2026-12-06T17:02:40Z")
            .put("score", 0.0)
            .put("verdict", "fail")
            .put("summary", "score 0, failed by critical error-ratio high");
    judgement
        .putArray("metrics")
        .add(metric("error-ratio", "high", true, "canary 0.29 vs baseline 0"))
        .add(metric("latency-p90", "pass", false, "alike"));
    judged.put("updated", "2026-12-06T17:02:40Z");
    return judged;
  }

  private static ObjectNode metric(
      String name, String classification, boolean critical, String reason) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode()
        .put("metric", name)
        .put("classification", classification)
        .put("critical", critical)
        .put("failsRun", critical)
        .put("reason", reason);
  }

  /** The rollout at its end, in that phase. */
  static ObjectNode ended(ObjectNode rollout, String phase, String reason) {
    ObjectNode end = rollout.deepCopy();
    end.put("phase", phase).put("terminal", true).put("updated", "2026-12-06T17:03:30Z");
    if (reason != null) {
      end.put("reason", reason);
    }
    return end;
  }

  static String text(JsonNode rollout) {
    return rollout.toString();
  }
}
