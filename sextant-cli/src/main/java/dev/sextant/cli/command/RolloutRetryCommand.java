package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout retry}: a failed or aborted rollout again, from its start. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description = {
      "Retry a failed or aborted rollout.",
      "",
      "It starts again from its first step, with the same revisions.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout's state does not allow it (the",
      "message says its state); 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout retry ro-1a2b3c4d5e --reason 'see INC-4711'"})
public final class RolloutRetryCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "retry";
  }
}
