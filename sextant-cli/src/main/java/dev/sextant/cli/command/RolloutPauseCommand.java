package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout pause}: hold a rollout where it is. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = {
      "Pause a rollout where it is.",
      "",
      "Traffic stays as it is, and no step runs until 'sextant rollout resume'.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout's state does not allow it (the",
      "message says its state); 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout pause ro-1a2b3c4d5e --reason 'see INC-4711'"})
public final class RolloutPauseCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "pause";
  }
}
