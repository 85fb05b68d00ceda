package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant rollout status}: one rollout as it stands now. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a rollout as it stands now.",
      "",
      "Its phase, its step and the canary's share of traffic, each instance with its",
      "track, revision and state, and every measurement of its analyses with its",
      "verdict. -o json or -o yaml prints the Rollout as the API has it.",
      "",
      "Exit codes: 0 shown; 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout status ro-1a2b3c4d5e",
      "  sextant rollout status ro-1a2b3c4d5e -o json"
    })
public final class RolloutStatusCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ROLLOUT", description = "The rollout's id, e.g. ro-1a2b3c4d5e.")
  String id;

  @Override
  public Integer call() {
    var context = rollout.root.context();
    try (Backend store = backend.open(context)) {
      RolloutCommand.show(
          context.out(),
          output.format(),
          ApiCalls.get(store, RolloutCommand.path(id), "rollout " + id));
    }
    return ExitCode.OK;
  }
}
