package dev.sextant.cli.command;

import picocli.CommandLine.Command;

/** {@code sextant rollout approve}: the approval step a rollout waits at is passed. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve the approval step a rollout waits at; it moves on to its next step.",
      "",
      "It takes the approver role in the rollout's environment. Four eyes: whoever",
      "started the rollout cannot approve it, and a step that names its approvers",
      "takes only them.",
      "",
      "Exit codes: 0 done; 1 refused: the rollout awaits no approval, or another",
      "approver's; 4 no such rollout; 7 not allowed (or you started it)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant rollout approve ro-1a2b3c4d5e"})
public final class RolloutApproveCommand extends RolloutMoveCommand {
  @Override
  String verb() {
    return "approve";
  }
}
