package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.RolloutView;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant rollout}: the rollouts a deploy starts, and the verbs that steer them. */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    subcommands = {
      RolloutListCommand.class,
      RolloutStatusCommand.class,
      RolloutWatchCommand.class,
      RolloutPauseCommand.class,
      RolloutResumeCommand.class,
      RolloutAbortCommand.class,
      RolloutPromoteCommand.class,
      RolloutApproveCommand.class,
      RolloutRetryCommand.class,
      RolloutUndoCommand.class,
      RolloutHistoryCommand.class,
      RolloutLogsCommand.class
    },
    description = {
      "Follow and steer the rollouts that deploy starts.",
      "",
      "List them, watch one move step by step, pause, resume, abort, promote, approve",
      "or retry it, undo it, and read its history and its instances' logs.",
      "",
      "A rollout is started by 'sextant deploy'. It moves through its strategy's",
      "steps (setWeight, pause, analysis, approval, promote) on the server, whether",
      "anyone watches or not; these commands only ask the server to move it. Each",
      "verb takes the deployer role in the rollout's environment, and is refused",
      "(exit 1) when the rollout's state does not allow it: a finished rollout cannot",
      "be paused."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout list --environment prod-eu",
      "  sextant rollout watch ro-1a2b3c4d5e",
      "  sextant rollout abort ro-1a2b3c4d5e --reason 'p99 latency doubled'",
      "  sextant rollout undo payments-api --environment prod-eu"
    })
public final class RolloutCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }

  /** The API path of one rollout. */
  static String path(String id) {
    return "api/v1/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** A rollout as the format asks: the view for people, else the Rollout JSON as it came. */
  static void show(PrintWriter out, Format format, JsonNode rollout) {
    if (format == Format.TABLE) {
      RolloutView.print(out, rollout);
    } else {
      Printer.print(out, format, rollout);
    }
  }
}
