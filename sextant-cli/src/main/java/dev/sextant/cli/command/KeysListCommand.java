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
import picocli.CommandLine.ParentCommand;

/** {@code sextant keys list}: the server's trust store. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the keys the server trusts, and those it no longer does.",
      "",
      "Each key with its id, name, algorithm, who added it and when, and whether it is",
      "trusted or revoked. -o json adds the PEM keys and the digest of the set trusted now.",
      "",
      "Exit codes: 0 listed; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant keys list", "  sextant keys list -o json"})
public final class KeysListCommand implements Callable<Integer> {
  @ParentCommand KeysCommand keys;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    var context = keys.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode list = ApiCalls.get(store, "api/v1/keys", "the trust store");
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), list);
        return ExitCode.OK;
      }
      Table table = new Table("ID", "NAME", "ALGORITHM", "STATE", "ADDED", "BY");
      for (JsonNode key : list.path("items")) {
        table.row(
            key.path("id").asText(),
            key.path("name").asText(),
            key.path("algorithm").asText(),
            key.path("state").asText(),
            key.path("added").asText(),
            key.path("addedBy").asText());
      }
      table.print(context.out());
    }
    return ExitCode.OK;
  }
}
