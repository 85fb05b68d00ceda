package dev.sextant.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two states of a rollout, one line per change, for output that is not a
 * terminal (a log, CI): each line says what moved and stands alone, so that a stream of them reads
 * as the rollout's story. Each line starts with the time since the rollout began.
 */
public final class RolloutChanges {
  private RolloutChanges() {}

  /**
   * The lines that tell {@code after} from {@code before}; with no {@code before}, the lines that
   * introduce the rollout as it stands. No lines when nothing that is shown changed.
   */
  public static List<String> between(Optional<JsonNode> before, JsonNode after) {
    String at = "[" + RolloutView.elapsed(after) + "] ";
    List<String> lines = new ArrayList<>();
    if (before.isEmpty()) {
      lines.add(
          at
              + "%s: %s to %s (service %s), plan %s"
                  .formatted(
                      after.path("id").asText(),
                      after.path("release").asText(),
                      after.path("environment").asText(),
                      after.path("service").asText(),
                      after.path("plan").asText("-")));
    }
    String progress = progress(after);
    if (before.isEmpty() || !progress(before.get()).equals(progress)) {
      lines.add(at + progress);
    }
    Map<String, String> was = before.map(RolloutChanges::instances).orElse(Map.of());
    Map<String, String> now = instances(after);
    now.forEach(
        (name, state) -> {
          if (!state.equals(was.get(name))) {
            lines.add(at + name + " " + state);
          }
        });
    was.keySet().stream()
        .filter(name -> !now.containsKey(name))
        .forEach(name -> lines.add(at + name + " gone"));
    Set<String> measured = new HashSet<>();
    before.ifPresent(b -> b.path("measurements").forEach(m -> measured.add(identity(m))));
    for (JsonNode measurement : after.path("measurements")) {
      if (!measured.contains(identity(measurement))) {
        lines.add(at + measurement(measurement));
      }
    }
    int judgedBefore = before.map(b -> b.path("judgements").size()).orElse(0);
    JsonNode judgements = after.path("judgements");
    for (int i = judgedBefore; i < judgements.size(); i++) {
      lines.add(at + judgement(judgements.get(i)));
    }
    return lines;
  }

  private static String progress(JsonNode rollout) {
    return RolloutView.progress(rollout)
        + (rollout.hasNonNull("reason") ? " (" + rollout.path("reason").asText() + ")" : "");
  }

  /** Each instance by name, as revision and state. */
  private static Map<String, String> instances(JsonNode rollout) {
    Map<String, String> instances = new LinkedHashMap<>();
    for (JsonNode instance : rollout.path("instances")) {
      instances.put(
          RolloutView.instanceName(instance),
          instance.path("revision").asText() + " " + instance.path("state").asText());
    }
    return instances;
  }

  // A measurement never changes once taken: which analysis, which metric and when name it.
  private static String identity(JsonNode measurement) {
    return measurement.path("analysis").asText()
        + "\0"
        + measurement.path("metric").asText()
        + "\0"
        + measurement.path("track").asText("canary")
        + "\0"
        + measurement.path("at").asText();
  }

  private static String measurement(JsonNode measurement) {
    String track = measurement.path("track").asText("canary");
    return "%s %s%s = %s: %s%s"
        .formatted(
            measurement.path("analysis").asText(),
            measurement.path("metric").asText(),
            track.equals("canary") ? "" : " (" + track + ")",
            measurement.path("value").asText("-"),
            measurement.path("verdict").asText(),
            measurement.hasNonNull("message") && !measurement.path("message").asText().isEmpty()
                ? " (" + measurement.path("message").asText() + ")"
                : "");
  }

  /** A judge's result: its score and verdict, then each metric's class. */
  static String judgement(JsonNode judgement) {
    StringBuilder line =
        new StringBuilder(
            "%s judge: score %s, %s"
                .formatted(
                    judgement.path("analysis").asText(),
                    score(judgement.path("score").asDouble()),
                    judgement.path("verdict").asText()));
    for (JsonNode metric : judgement.path("metrics")) {
      line.append("; ")
          .append(metric.path("metric").asText())
          .append(' ')
          .append(metric.path("classification").asText());
    }
    return line.toString();
  }

  static String score(double score) {
    return String.format(java.util.Locale.ROOT, "%.1f", score);
  }
}
