package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant notifications replay}: send a dead letter again. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Send a dead letter again.",
      "",
      "The notification is due at once with its attempts counted afresh, and the",
      "receiver gets the same Idempotency-Key as before. Replaying one that is",
      "pending or delivered changes nothing, so running this twice sends once.",
      "Takes the admin role everywhere: a notifier hears of every environment.",
      "",
      "Exit codes: 0 replayed (or nothing to do); 2 the id is not a number;",
      "4 no such notification; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant notifications dead-letters", "  sextant notifications replay 42"})
public final class NotificationsReplayCommand implements Callable<Integer> {
  @ParentCommand NotificationsCommand notifications;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(
      paramLabel = "ID",
      description = "The notification's id, as 'sextant notifications dead-letters' shows it.")
  long id;

  @Override
  public Integer call() {
    var context = notifications.root.context();
    try (Backend store = backend.open(context)) {
      var replayed =
          ApiCalls.post(
              store,
              "api/v1/notifications/dead-letters/" + id + "/replay",
              JsonNodeFactory.instance.objectNode());
      if (output.format() == Format.TABLE) {
        NotificationsCommand.table(
            context.out(), JsonNodeFactory.instance.arrayNode().add(replayed));
      } else {
        Printer.print(context.out(), output.format(), replayed);
      }
    }
    return ExitCode.OK;
  }
}
