package dev.sextant.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plan kept by the server, for people: its verdict, its state and its approvals. */
public final class SubmittedPlanView {
  private SubmittedPlanView() {}

  public static void print(PrintWriter out, JsonNode plan) {
    out.printf(
        "%s: %s (revision %d) in %s, asked by %s%n",
        plan.path("name").asText(),
        plan.path("release").asText(),
        plan.path("releaseRevision").asLong(),
        plan.path("environment").asText(),
        plan.path("requestedBy").asText());
    out.printf(
        "  verdict %s, %s; digest %s%n",
        plan.path("verdict").asText(), plan.path("state").asText(), plan.path("digest").asText());
    for (JsonNode policy :
        plan.path("plan").path("releases").path(0).path("targets").path(0).path("policies")) {
      if (!policy.path("status").asText().equals("holds")) {
        out.printf(
            "  policy %s (%s): %s%n",
            policy.path("name").asText(),
            policy.path("effect").asText(),
            policy.path("message").asText());
      }
    }
    // A refused plan waits for nothing: approvals would not let it be deployed.
    JsonNode needed =
        plan.path("state").asText().equals("refused")
            ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
            : plan.path("approvalsNeeded");
    for (JsonNode rule : needed) {
      List<String> by = texts(rule.path("approvers"));
      List<String> counted = texts(rule.path("counted"));
      out.printf(
          "  %s needs %d approval(s)%s: %s%n",
          rule.path("policy").asText(),
          rule.path("approvals").asInt(),
          by.isEmpty() ? "" : " by " + String.join(" or ", by),
          rule.path("missing").asInt() == 0
              ? "met (" + String.join(", ", counted) + ")"
              : rule.path("missing").asInt()
                  + " missing"
                  + (counted.isEmpty() ? "" : " (has " + String.join(", ", counted) + ")"));
    }
    for (JsonNode approval : plan.path("approvals")) {
      out.printf(
          "  approved by %s at %s, until %s%s%n",
          approval.path("approver").asText(),
          approval.path("approved").asText(),
          approval.path("expires").asText(),
          approval.path("counts").asBoolean(true)
              ? ""
              : " (does not count: " + approval.path("why").asText() + ")");
    }
  }

  public static void list(PrintWriter out, JsonNode plans) {
    Table table = new Table("PLAN", "RELEASE", "ENVIRONMENT", "VERDICT", "STATE", "ASKED BY");
    for (JsonNode plan : plans) {
      table.row(
          plan.path("name").asText(),
          plan.path("release").asText(),
          plan.path("environment").asText(),
          plan.path("verdict").asText(),
          plan.path("state").asText(),
          plan.path("requestedBy").asText());
    }
    table.print(out);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
