package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.api.RevisionJson;
import dev.sextant.server.store.Revision;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List every revision of a resource, oldest first, with its digest, author and time.",
      "Read one back exactly with: sextant get KIND NAME --revision N -o yaml"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant history release fraud-detector-1-4-0",
      "  sextant history environment prod-eu -o json"
    })
public final class HistoryCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "KIND", description = "The resource's kind.")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "The resource's name.")
  String name;

  @Override
  public Integer call() {
    var out = root.context().out();
    try (Backend store = backend.open(root.context())) {
      ResourceKey key = new ResourceKey(KindArgument.parse(kind), name);
      List<Revision> history = store.history(key);
      if (history.isEmpty()) {
        throw CliException.notFound(key + " not found");
      }
      if (output.format() != Format.TABLE) {
        var list = JsonNodeFactory.instance.arrayNode();
        history.forEach(r -> list.add(RevisionJson.status(r)));
        Printer.print(out, output.format(), list);
        return 0;
      }
      Table table = new Table("REVISION", "DIGEST", "APPLIED BY", "APPLIED AT");
      history.forEach(
          r ->
              table.row(
                  String.valueOf(r.number()),
                  r.digest().value(),
                  r.author(),
                  Lookups.time(r.createdAt())));
      table.print(out);
    }
    return 0;
  }
}
