package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant rollout logs}: what a rollout's instances printed. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the log of a rollout's instances.",
      "",
      "Of one (--instance canary-0), or of every one, each line prefixed with the",
      "instance's name, e.g. [stable-0].",
      "",
      "Exit codes: 0 printed; 4 no such rollout or instance; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout logs ro-1a2b3c4d5e",
      "  sextant rollout logs ro-1a2b3c4d5e --instance canary-0 --tail 50"
    })
public final class RolloutLogsCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;

  @Parameters(paramLabel = "ROLLOUT", description = "The rollout's id, e.g. ro-1a2b3c4d5e.")
  String id;

  @Option(
      names = "--instance",
      paramLabel = "NAME",
      description = "Only this instance's log, e.g. canary-0 or stable-1.")
  String instance;

  @Option(
      names = "--tail",
      paramLabel = "N",
      description = "Only the last N lines (default: as many as the server keeps).")
  Integer tail;

  @Override
  public Integer call() {
    var context = rollout.root.context();
    String path =
        ApiCalls.query(RolloutCommand.path(id) + "/logs", "instance", instance, "tail", tail);
    try (Backend store = backend.open(context)) {
      context.out().print(ApiCalls.text(store, path));
      context.out().flush();
    }
    return ExitCode.OK;
  }
}
