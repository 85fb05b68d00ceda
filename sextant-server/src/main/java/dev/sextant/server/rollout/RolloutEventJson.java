package dev.sextant.server.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.RolloutEvent;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A rollout's event as the store keeps it: {@code {"type": "Promote", "at": …, "by": …}}. The
 * history is the rollout: the engine replays it through the machine, so every field the machine
 * reads is kept, and a type added later must be added here (the switch refuses an unknown one).
 */
final class RolloutEventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RolloutEventJson() {}

  static String write(RolloutEvent event) {
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", event.getClass().getSimpleName())
            .put("at", event.at().toString());
    if (event instanceof RolloutEvent.StepFailed e) {
      out.put("reason", e.reason());
    } else if (event instanceof RolloutEvent.TimerFired e) {
      out.put("timer", e.timer());
    } else if (event instanceof RolloutEvent.MeasurementTaken e) {
      out.put("verdict", e.verdict().name()).put("detail", e.detail());
    } else if (event instanceof RolloutEvent.InstanceCrashed e) {
      out.put("instance", e.instance()).put("detail", e.detail());
    } else if (event instanceof RolloutEvent.Approved e) {
      out.put("by", e.by());
      if (!e.roles().isEmpty()) {
        e.roles().stream().sorted().forEach(out.putArray("roles")::add);
      }
    } else if (event instanceof RolloutEvent.Pause e) {
      out.put("by", e.by());
    } else if (event instanceof RolloutEvent.Resume e) {
      out.put("by", e.by());
    } else if (event instanceof RolloutEvent.Abort e) {
      out.put("by", e.by()).put("reason", e.reason());
    } else if (event instanceof RolloutEvent.Promote e) {
      out.put("by", e.by());
    } else if (event instanceof RolloutEvent.Retry e) {
      out.put("by", e.by());
    } else if (event instanceof RolloutEvent.Undo e) {
      out.put("by", e.by());
    }
    return out.toString();
  }

  /**
   * @throws IllegalStateException for a type or shape this server does not know: a store written by
   *     a newer server
   */
  static RolloutEvent read(String text) {
    JsonNode in;
    try {
      in = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("a stored rollout event is not JSON", e);
    }
    Instant at = Instant.parse(in.path("at").asText());
    String by = in.path("by").asText();
    return switch (in.path("type").asText()) {
      case "Started" -> new RolloutEvent.Started(at);
      case "StepFinished" -> new RolloutEvent.StepFinished(at);
      case "StepFailed" -> new RolloutEvent.StepFailed(at, in.path("reason").asText());
      case "TimerFired" -> new RolloutEvent.TimerFired(at, in.path("timer").asText());
      case "MeasurementTaken" ->
          new RolloutEvent.MeasurementTaken(
              at,
              RolloutEvent.Verdict.valueOf(in.path("verdict").asText()),
              in.path("detail").asText());
      case "InstancesReady" -> new RolloutEvent.InstancesReady(at);
      case "InstanceCrashed" ->
          new RolloutEvent.InstanceCrashed(
              at, in.path("instance").asText(), in.path("detail").asText());
      case "DeadlinePassed" -> new RolloutEvent.DeadlinePassed(at);
      case "Approved" -> {
        java.util.Set<String> roles = new java.util.TreeSet<>();
        in.path("roles").forEach(r -> roles.add(r.asText()));
        yield new RolloutEvent.Approved(at, by, roles);
      }
      case "Pause" -> new RolloutEvent.Pause(at, by);
      case "Resume" -> new RolloutEvent.Resume(at, by);
      case "Abort" -> new RolloutEvent.Abort(at, by, in.path("reason").asText());
      case "Promote" -> new RolloutEvent.Promote(at, by);
      case "Retry" -> new RolloutEvent.Retry(at, by);
      case "Undo" -> new RolloutEvent.Undo(at, by);
      default ->
          throw new IllegalStateException(
              "a stored rollout event of an unknown type: " + in.path("type").asText());
    };
  }
}
