package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.output.Table;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant notifications}: the notifications Notifiers send, and those that failed. */
@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    subcommands = {NotificationsDeadLettersCommand.class, NotificationsReplayCommand.class},
    description = {
      "See and replay the notifications that Notifiers send about rollouts.",
      "",
      "A Notifier (sextant apply -f examples/notifiers/) names a webhook or a Slack",
      "incoming webhook, and which services, environments and phases it hears of.",
      "The server sends it one notification per rollout transition: the rollout",
      "entered another phase, or an operator aborted, promoted, paused, resumed,",
      "retried, undid or approved it. A notification that fails is tried again",
      "(1 s, 2 s, 4 s... apart, 5 attempts by default) under the same",
      "Idempotency-Key, so a receiver can drop a repeat; after the last attempt it",
      "is a dead letter, kept until someone replays it."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant notifications dead-letters", "  sextant notifications replay 42"})
public final class NotificationsCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }

  /** Notifications as a table, one a line; never a URL, which the API does not give. */
  static void table(PrintWriter out, JsonNode items) {
    Table table = new Table("ID", "NOTIFIER", "ROLLOUT", "PHASE", "STATE", "ATTEMPTS", "LAST");
    for (JsonNode item : items) {
      table.row(
          item.path("id").asText(),
          item.path("notifier").asText(),
          item.path("rollout").asText(),
          item.path("phase").asText(),
          item.path("state").asText(),
          item.path("attempts").asText(),
          item.path("lastError").asText(item.path("lastStatus").asText("")));
    }
    table.print(out);
  }
}
