package dev.sextant.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.PlanStep;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.deploy.RolloutView;
import dev.sextant.server.rollout.TargetView;
import dev.sextant.server.store.RecordedRolloutEvent;
import dev.sextant.server.store.StoredJudgement;
import dev.sextant.server.store.StoredMeasurement;
import java.util.Locale;

/** A rollout, and each event in its history, as the API shows them. */
final class RolloutJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RolloutJson() {}

  static ObjectNode of(RolloutView view) {
    RolloutState state = view.state();
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", view.rollout().id())
            .put("service", view.rollout().service())
            .put("environment", view.rollout().environment());
    view.deployment()
        .ifPresent(
            d -> {
              out.put("release", d.release()).put("releaseRevision", d.releaseRevision());
              out.put("variant", d.variant());
              d.plan().ifPresent(p -> out.put("plan", p));
            });
    out.put("stableRevision", view.rollout().stableRevision())
        .put("canaryRevision", view.rollout().canaryRevision())
        .put("phase", phase(state))
        .put("terminal", state.phase().terminal())
        .put("settled", view.settled())
        .put("step", state.step())
        .put("steps", state.plan().steps().size())
        .put("stepName", stepName(state.currentStep()))
        .put("weight", state.weight())
        .put("version", state.version());
    if (!state.reason().isEmpty()) {
      out.put("reason", state.reason());
    }
    state.hold().ifPresent(h -> out.put("hold", h.name().toLowerCase(Locale.ROOT)));
    state.deadline().ifPresent(d -> out.put("deadline", d.toString()));
    out.put("createdBy", view.rollout().createdBy())
        .put("created", view.rollout().created().toString())
        .put("updated", view.updated().toString());
    view.target().endpoint().ifPresent(e -> out.put("endpoint", e));
    ArrayNode instances = out.putArray("instances");
    for (TargetView.Instance i : view.target().instances()) {
      instances
          .addObject()
          .put("track", i.track())
          .put("index", i.index())
          .put("revision", i.revision())
          .put("state", i.state())
          .put("port", i.port())
          .put("restarts", i.restarts());
    }
    ArrayNode measurements = out.putArray("measurements");
    for (StoredMeasurement m : view.measurements()) {
      ObjectNode node =
          measurements
              .addObject()
              .put("analysis", m.analysis())
              .put("metric", m.metric())
              .put("track", m.track())
              .put("at", m.at().toString());
      m.value().ifPresentOrElse(v -> node.put("value", v), () -> node.putNull("value"));
      node.put("verdict", m.verdict());
      m.message().ifPresent(text -> node.put("message", text));
    }
    ArrayNode judgements = out.putArray("judgements");
    for (StoredJudgement j : view.judgements()) {
      ObjectNode node =
          judgements
              .addObject()
              .put("analysis", j.analysis())
              .put("at", j.at().toString())
              .put("score", j.score())
              .put("verdict", j.verdict())
              .put("summary", j.summary());
      try {
        node.set("metrics", JSON.readTree(j.metrics()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a stored judgement's metrics are not JSON", e);
      }
    }
    return out;
  }

  /** One event of a rollout's history, with the phase and weight it led to. */
  static ObjectNode history(RecordedRolloutEvent event, RolloutState after) {
    JsonNode stored;
    try {
      stored = JSON.readTree(event.event());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored rollout event is not JSON", e);
    }
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("version", event.version())
            .put("at", event.recorded().toString())
            .put("event", eventName(stored.path("type").asText()));
    for (String field : new String[] {"by", "reason", "timer", "verdict", "detail", "instance"}) {
      if (stored.hasNonNull(field)) {
        out.put(field, stored.get(field).asText());
      }
    }
    out.put("phase", phase(after)).put("weight", after.weight()).put("step", after.step());
    if (!after.reason().isEmpty() && !out.has("reason")) {
      out.put("reason", after.reason());
    }
    return out;
  }

  static String phase(RolloutState state) {
    return state.phase().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code SetWeight} → {@code setWeight}, as the Strategy kind names its steps. */
  private static String stepName(PlanStep step) {
    String simple = step.getClass().getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  /** {@code TimerFired} → {@code timer-fired}. */
  private static String eventName(String type) {
    return type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
