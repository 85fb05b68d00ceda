package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout resume}: go on from where a rollout paused. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resume a paused rollout.",
      "",
      "It goes on with the step it paused at.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout's state does not allow it (the",
      "message says its state); 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout resume ro-1a2b3c4d5e --reason 'see INC-4711'"})
public final class RolloutResumeCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "resume";
  }
}
