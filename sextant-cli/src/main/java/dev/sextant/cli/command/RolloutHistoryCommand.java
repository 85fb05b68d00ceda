package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.RolloutHistoryView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant rollout history}: every move of a rollout, oldest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List every move of a rollout, oldest first.",
      "",
      "Each says what happened (started, a step, a measurement's verdict, an",
      "operator's verb), who asked for it when someone did, the phase and canary",
      "weight it left, and why.",
      "",
      "Exit codes: 0 listed; 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout history ro-1a2b3c4d5e",
      "  sextant rollout history ro-1a2b3c4d5e -o json"
    })
public final class RolloutHistoryCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ROLLOUT", description = "The rollout's id, e.g. ro-1a2b3c4d5e.")
  String id;

  @Override
  public Integer call() {
    var context = rollout.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode history = ApiCalls.get(store, RolloutCommand.path(id) + "/history", "rollout " + id);
      if (output.format() == Format.TABLE) {
        RolloutHistoryView.print(context.out(), history.path("items"));
      } else {
        Printer.print(context.out(), output.format(), history);
      }
    }
    return ExitCode.OK;
  }
}
