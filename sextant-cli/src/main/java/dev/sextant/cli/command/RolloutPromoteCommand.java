package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout promote}: the canary takes all traffic now. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Promote a rollout's canary now.",
      "",
      "Its remaining steps and analyses are skipped, and all traffic goes to the new",
      "revision, as the final promote step would send it.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout's state does not allow it (the",
      "message says its state); 4 no such rollout; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout promote ro-1a2b3c4d5e --reason 'see INC-4711'"})
public final class RolloutPromoteCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "promote";
  }
}
