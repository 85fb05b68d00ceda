package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Compare an environment's latest fingerprint with the facts it declares, and with its",
      "last known good fingerprint. Lists added, removed, changed and missing facts with both",
      "values and their layer. Exit 0 when there is no drift, 3 when there is.",
      "",
      "--accept marks the latest fingerprint as the last known good one (after a check by hand;",
      "the rollout engine will do it after each successful deployment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant drift prod-eu",
      "  sextant drift prod-eu -o json --server http://localhost:7070",
      "  sextant drift prod-eu --accept"
    })
public final class DriftCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "ENVIRONMENT", description = "The environment's name.")
  String environment;

  @Option(names = "--accept", description = "Mark the latest fingerprint as last known good.")
  boolean accept;

  @Override
  public Integer call() {
    var context = root.context();
    try (Backend store = backend.open(context)) {
      if (accept) {
        JsonNode marked = store.acceptFingerprint(environment, Authors.current(context));
        context
            .out()
            .printf(
                "%s: fingerprint revision %d (%s) is now the last known good%n",
                environment, marked.path("revision").asLong(), marked.path("digest").asText());
      }
      JsonNode status = store.drift(environment);
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), status);
      } else {
        print(context.out(), status);
      }
      return status.path("drifted").asBoolean() ? dev.sextant.cli.ExitCode.INCOMPATIBLE : 0;
    }
  }

  private static void print(PrintWriter out, JsonNode status) {
    JsonNode latest = status.path("latest");
    if (latest.isNull() || latest.isMissingNode()) {
      throw CliException.notFound(
          "environment "
              + status.path("environment").asText()
              + " has no fingerprint yet; run an agent there, or: sextant fingerprint record");
    }
    out.printf("Environment:      %s%n", status.path("environment").asText());
    out.printf(
        "Latest:           revision %d, %s (%s, from %s)%n",
        latest.path("revision").asLong(),
        latest.path("digest").asText(),
        latest.path("collectedAt").asText(),
        latest.path("source").asText());
    JsonNode good = status.path("lastKnownGood");
    out.printf(
        "Last known good:  %s%n",
        good.isNull()
            ? "none"
            : "revision " + good.path("revision").asLong() + ", " + good.path("digest").asText());
    out.printf(
        "On drift:         %s%s%n",
        status.path("action").asText(),
        status.path("blocked").asBoolean() ? " (new deployments are BLOCKED)" : "");
    section(out, "Against declared facts", status.path("declared"));
    section(out, "Since last known good", status.path("sinceLastKnownGood"));
  }

  private static void section(PrintWriter out, String title, JsonNode report) {
    out.println();
    if (report.isNull() || report.isMissingNode()) {
      out.printf("%s: nothing to compare%n", title);
      return;
    }
    JsonNode changes = report.path("changes");
    if (changes.isEmpty()) {
      out.printf("%s: no drift%n", title);
      return;
    }
    out.printf("%s: %d difference%s%n", title, changes.size(), changes.size() == 1 ? "" : "s");
    Table table = new Table("  FACT", "LAYER", "CHANGE", "EXPECTED", "OBSERVED");
    changes.forEach(
        c ->
            table.row(
                "  " + c.path("key").asText(),
                c.path("layer").asText(),
                c.path("change").asText(),
                value(c.path("expected")),
                value(c.path("actual"))));
    table.print(out);
  }

  private static String value(JsonNode fact) {
    if (fact.isMissingNode() || fact.isNull()) {
      return "-";
    }
    JsonNode value = fact.path("value");
    String text =
        value.isMissingNode()
            ? fact.toString()
            : value.isTextual() ? value.asText() : value.toString();
    if (fact.has("unit")) {
      text = text + " " + fact.path("unit").asText();
    }
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
