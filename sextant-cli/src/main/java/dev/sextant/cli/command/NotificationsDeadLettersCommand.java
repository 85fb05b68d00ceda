package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant notifications dead-letters}: the notifications whose attempts are spent. */
@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    description = {
      "List the notifications that every attempt failed to deliver, newest first.",
      "",
      "Each shows its id (for 'sextant notifications replay'), its notifier, the",
      "rollout and phase it is about, its attempts, and the last HTTP status or",
      "error, never the notifier's URL or headers. Fix the receiver, then replay.",
      "",
      "Exit codes: 0 listed (an empty list too); 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant notifications dead-letters",
      "  sextant notifications dead-letters --limit 10 -o json"
    })
public final class NotificationsDeadLettersCommand implements Callable<Integer> {
  @ParentCommand NotificationsCommand notifications;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most this many, from 1 to 500 (default: 50).")
  Integer limit;

  @Override
  public Integer call() {
    var context = notifications.root.context();
    try (Backend store = backend.open(context)) {
      var letters =
          ApiCalls.get(
              store,
              ApiCalls.query("api/v1/notifications/dead-letters", "limit", limit),
              "dead letters");
      if (output.format() == Format.TABLE) {
        NotificationsCommand.table(context.out(), letters.path("items"));
      } else {
        Printer.print(context.out(), output.format(), letters);
      }
    }
    return ExitCode.OK;
  }
}
