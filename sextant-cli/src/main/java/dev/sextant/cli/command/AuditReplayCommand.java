package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant audit replay}: a rollout's plan made again from its recorded inputs. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Make a rollout's plan again from the inputs recorded with it, and compare.",
      "",
      "Each plan records what it read: the release, environment, policy, and",
      "in-place release revisions by number with their digests, the fingerprint",
      "revision, the drift state, who asked and when (policies see that time as",
      "now). The server loads those revisions, hashes each again to check it is",
      "as recorded, and runs the same planner. The same digest shows the plan",
      "follows from its inputs; otherwise you see which input changed or is gone,",
      "and where the plans differ.",
      "",
      "Exit codes: 0 the same plan digest; 3 a different one (or none could be",
      "made); 1 the rollout has no plan to replay (an undo, or a plan made before",
      "inputs were recorded); 4 no such rollout; 7 not allowed (needs read in the",
      "rollout's environment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant audit replay --rollout ro-1a2b3c4d5e",
      "  sextant audit replay --rollout ro-1a2b3c4d5e -o json"
    })
public final class AuditReplayCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(
      names = "--rollout",
      required = true,
      paramLabel = "ID",
      description =
          "The rollout whose plan to replay, e.g. ro-1a2b3c4d5e ('sextant rollout list').")
  String rollout;

  @Override
  public Integer call() {
    var context = audit.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode replay =
          ApiCalls.get(
              store,
              "api/v1/rollouts/" + URLEncoder.encode(rollout, StandardCharsets.UTF_8) + "/replay",
              "rollout " + rollout);
      if (output.format() == Format.TABLE) {
        describe(context.out(), replay);
      } else {
        Printer.print(context.out(), output.format(), replay);
      }
      return replay.path("same").asBoolean() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
  }

  private static void describe(PrintWriter out, JsonNode replay) {
    out.printf(
        "%s of rollout %s, asked by %s at %s%n",
        replay.path("plan").asText(),
        replay.path("rollout").asText(),
        replay.path("requester").asText(),
        replay.path("at").asText());
    out.println("recorded plan digest " + replay.path("recordedDigest").asText());
    out.println(
        "replayed plan digest " + replay.path("replayedDigest").asText("(none: not replayed)"));
    if (replay.path("same").asBoolean()) {
      out.println("same plan digest: the plan follows from its recorded inputs");
      return;
    }
    out.println("DIFFERENT: the plan does not follow from its recorded inputs as stored now");
    if (replay.has("problem")) {
      out.println("  " + replay.path("problem").asText());
    }
    for (JsonNode input : replay.path("inputs")) {
      if (!input.path("status").asText().equals("same")) {
        out.printf(
            "  input %s %s revision %d is %s (recorded %s%s)%n",
            input.path("input").asText(),
            input.path("name").asText(),
            input.path("revision").asLong(),
            input.path("status").asText(),
            input.path("recorded").asText(),
            input.has("found") ? ", now " + input.path("found").asText() : "");
      }
    }
    for (JsonNode difference : replay.path("differences")) {
      out.printf(
          "  %s: %s -> %s%n",
          difference.path("path").asText(),
          difference.path("recorded").asText("(absent)"),
          difference.path("replayed").asText("(absent)"));
    }
  }
}
