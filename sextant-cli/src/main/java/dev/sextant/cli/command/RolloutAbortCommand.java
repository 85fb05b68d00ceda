package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout abort}: back to the stable revision at once. */
@Command(
    name = "abort",
    mixinStandardHelpOptions = true,
    description = {
      "Abort a rollout: all traffic back to the stable revision.",
      "",
      "Traffic returns to the stable revision at once, the canary stops, and the",
      "rollout ends as aborted. The reason is shown with it.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout's state does not allow it (the",
      "message says its state); 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout abort ro-1a2b3c4d5e --reason 'see INC-4711'"})
public final class RolloutAbortCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "abort";
  }
}
