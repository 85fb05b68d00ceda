package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sextant whoami}: who the server takes this CLI for, and the roles it holds. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = {
      "Show who the server takes you for (by your API token) and the roles you hold.",
      "",
      "The token is --token-file, else $SEXTANT_TOKEN, else for the local server the first",
      "admin's ($SEXTANT_HOME/admin.token)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant whoami", "  SEXTANT_TOKEN=sxt_... sextant whoami -o json"})
public final class WhoamiCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    var context = root.context();
    try (Backend store = backend.open(context)) {
      JsonNode me = ApiCalls.get(store, "api/v1/whoami", "identity");
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), me);
        return 0;
      }
      context.out().printf("%s (%s)%n", me.path("name").asText(), me.path("kind").asText());
      if (me.path("grants").isEmpty()) {
        context.out().println("  no role: the server refuses everything but this");
      }
      for (JsonNode grant : me.path("grants")) {
        String on = grant.path("environments").asText();
        context
            .out()
            .printf(
                "  %s on %s%n",
                grant.path("role").asText(), on.isEmpty() ? "every environment" : on);
      }
      return 0;
    }
  }
}
