package dev.sextant.cli.command;

import dev.sextant.cli.SextantCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant report}: figures the server computes over what it stored. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    subcommands = {ReportDeliveryCommand.class},
    description = {
      "Report figures over the stored rollouts, such as DORA's delivery figures.",
      "",
      "Each report is computed by the server from the rollouts it stored, so every",
      "client and /metrics see the same figures."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant report delivery", "  sextant report delivery --environment prod-eu"})
public final class ReportCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }
}
