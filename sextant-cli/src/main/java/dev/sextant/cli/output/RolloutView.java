package dev.sextant.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A rollout for people: where it stands, its instances and every measurement of its analyses. */
public final class RolloutView {
  private RolloutView() {}

  public static void print(PrintWriter out, JsonNode rollout) {
    out.printf(
        "%s: %s to %s (service %s), plan %s, started by %s%n",
        rollout.path("id").asText(),
        rollout.path("release").asText(),
        rollout.path("environment").asText(),
        rollout.path("service").asText(),
        rollout.path("plan").asText("-"),
        rollout.path("createdBy").asText("-"));
    out.printf("  %s%n", progress(rollout));
    if (rollout.hasNonNull("reason")) {
      out.printf("  reason: %s%n", rollout.path("reason").asText());
    }
    out.printf(
        "  stable %s, canary %s%n",
        revision(rollout.path("stableRevision")), revision(rollout.path("canaryRevision")));
    if (rollout.hasNonNull("endpoint")) {
      out.printf("  serves at %s%n", rollout.path("endpoint").asText());
    }
    out.printf("  elapsed %s (since %s)%n", elapsed(rollout), rollout.path("created").asText());
    if (!rollout.path("instances").isEmpty()) {
      out.println();
      Table instances = new Table("INSTANCE", "REVISION", "STATE", "PORT", "RESTARTS");
      for (JsonNode instance : rollout.path("instances")) {
        instances.row(
            instanceName(instance),
            instance.path("revision").asText(),
            instance.path("state").asText(),
            instance.path("port").asText("-"),
            instance.path("restarts").asText("0"));
      }
      instances.print(out);
    }
    if (!rollout.path("measurements").isEmpty()) {
      out.println();
      Table measurements =
          new Table("ANALYSIS", "METRIC", "TRACK", "VALUE", "VERDICT", "AT", "MESSAGE");
      for (JsonNode measurement : rollout.path("measurements")) {
        measurements.row(
            measurement.path("analysis").asText(),
            measurement.path("metric").asText(),
            measurement.path("track").asText("canary"),
            measurement.path("value").asText("-"),
            measurement.path("verdict").asText(),
            measurement.path("at").asText(),
            measurement.path("message").asText(""));
      }
      measurements.print(out);
    }
    if (!rollout.path("judgements").isEmpty()) {
      out.println();
      Table judged =
          new Table("ANALYSIS", "METRIC", "CLASS", "CRITICAL", "SCORE", "VERDICT", "REASON");
      for (JsonNode judgement : rollout.path("judgements")) {
        String score = RolloutChanges.score(judgement.path("score").asDouble());
        for (JsonNode metric : judgement.path("metrics")) {
          judged.row(
              judgement.path("analysis").asText(),
              metric.path("metric").asText(),
              metric.path("classification").asText(),
              metric.path("critical").asBoolean() ? "yes" : "no",
              score,
              judgement.path("verdict").asText(),
              metric.path("reason").asText(""));
        }
      }
      judged.print(out);
      out.println(
          "Judge: "
              + rollout
                  .path("judgements")
                  .get(rollout.path("judgements").size() - 1)
                  .path("summary")
                  .asText());
    }
    out.flush();
  }

  /** Rollouts, newest first as the server lists them, one line each. */
  public static void list(PrintWriter out, JsonNode rollouts) {
    Table table =
        new Table("ROLLOUT", "SERVICE", "ENVIRONMENT", "RELEASE", "PHASE", "STEP", "WEIGHT", "BY");
    for (JsonNode rollout : rollouts) {
      table.row(
          rollout.path("id").asText(),
          rollout.path("service").asText(),
          rollout.path("environment").asText(),
          rollout.path("release").asText(),
          rollout.path("phase").asText(),
          stepNumber(rollout) + "/" + rollout.path("steps").asInt(),
          rollout.path("weight").asInt() + "%",
          rollout.path("createdBy").asText("-"));
    }
    table.print(out);
    out.flush();
  }

  /** The phase, the step as people count it (1 to n) with its name, and the canary's weight. */
  public static String progress(JsonNode rollout) {
    String step =
        rollout.path("steps").asInt() == 0
            ? ""
            : ", step %d/%d%s"
                .formatted(
                    stepNumber(rollout),
                    rollout.path("steps").asInt(),
                    rollout.hasNonNull("stepName") ? " " + rollout.path("stepName").asText() : "");
    return rollout.path("phase").asText()
        + step
        + ", canary weight "
        + rollout.path("weight").asInt()
        + "%";
  }

  /** An instance as the logs name it, e.g. {@code canary-0}. */
  public static String instanceName(JsonNode instance) {
    return instance.path("track").asText() + "-" + instance.path("index").asInt();
  }

  /**
   * How long the rollout has run, from its creation to its last change: both are the server's
   * times, so the view needs no clock of its own and shows the same for the same rollout.
   */
  public static String elapsed(JsonNode rollout) {
    try {
      Duration elapsed =
          Duration.between(
              Instant.parse(rollout.path("created").asText()),
              Instant.parse(rollout.path("updated").asText()));
      return elapsed.isNegative() ? "0s" : format(elapsed);
    } catch (DateTimeParseException e) {
      return "-";
    }
  }

  private static String format(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return "%dm%02ds".formatted(seconds / 60, seconds % 60);
    }
    return "%dh%02dm%02ds".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }

  // A service's first rollout has no stable revision: the server sends it empty.
  private static String revision(JsonNode revision) {
    return revision.asText("").isEmpty() ? "none" : revision.asText();
  }

  // The server counts steps from 0; a finished rollout's index may be past the last step.
  private static int stepNumber(JsonNode rollout) {
    int steps = rollout.path("steps").asInt();
    int step = rollout.path("step").asInt() + 1;
    return steps > 0 ? Math.min(step, steps) : step;
  }
}
