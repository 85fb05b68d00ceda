package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.RolloutView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant rollout list}: the latest rollouts, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List rollouts, newest first.",
      "",
      "Of one service, in one environment, or all of them.",
      "",
      "Exit codes: 0 listed (an empty list too); 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant rollout list",
      "  sextant rollout list --service payments-api --environment prod-eu -o json"
    })
public final class RolloutListCommand implements Callable<Integer> {
  @ParentCommand RolloutCommand rollout;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(names = "--service", paramLabel = "NAME", description = "Only this service's.")
  String service;

  @Option(names = "--environment", paramLabel = "NAME", description = "Only this environment's.")
  String environment;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most this many (default: as many as the server lists).")
  Integer limit;

  @Override
  public Integer call() {
    var context = rollout.root.context();
    String path =
        ApiCalls.query(
            "api/v1/rollouts", "service", service, "environment", environment, "limit", limit);
    try (Backend store = backend.open(context)) {
      var rollouts = ApiCalls.get(store, path, "rollouts");
      if (output.format() == Format.TABLE) {
        RolloutView.list(context.out(), rollouts.path("items"));
      } else {
        Printer.print(context.out(), output.format(), rollouts);
      }
    }
    return ExitCode.OK;
  }
}
