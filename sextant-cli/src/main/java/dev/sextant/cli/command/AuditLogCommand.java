package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant audit log}: the ledger's leaves, with their events. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "List the ledger's entries: sequence, event type, subject, actor and leaf hash.",
      "",
      "A leaf hash is SHA-256 over 0x00 and the entry's RFC 8785 JSON, written",
      "with the event. The actor is who caused the event: a person's or a token's",
      "identity, agent:NAME, or system for the engine's own work (-o json also",
      "shows the digests of each entry's inputs). A leaf whose event row is gone",
      "shows no type, subject or actor.",
      "",
      "Exit codes: 0 listed (an empty list too); 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant audit log", "  sextant audit log --after 100 --limit 50 -o json"})
public final class AuditLogCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(
      names = "--after",
      paramLabel = "SEQUENCE",
      description = "Only the entries after this sequence number (default: from the first).")
  Long after;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most this many, from 1 to 1000 (default: 100).")
  Integer limit;

  @Override
  public Integer call() {
    var context = audit.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode log =
          ApiCalls.get(
              store,
              ApiCalls.query("api/v1/ledger/entries", "after", after, "limit", limit),
              "the ledger");
      if (output.format() == Format.TABLE) {
        Table table = new Table("SEQUENCE", "TYPE", "SUBJECT", "ACTOR", "LEAF");
        for (JsonNode item : log.path("items")) {
          table.row(
              item.path("sequence").asText(),
              item.path("type").asText("-"),
              item.path("subject").asText("-"),
              item.path("actor").asText("-"),
              item.path("leafHash").asText());
        }
        table.print(context.out());
      } else {
        Printer.print(context.out(), output.format(), log);
      }
    }
    return ExitCode.OK;
  }
}
