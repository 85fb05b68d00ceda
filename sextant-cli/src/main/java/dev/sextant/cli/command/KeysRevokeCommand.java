package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sextant keys revoke}: stops trusting a key. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Stop trusting a key: signatures by it verify nothing from now on.",
      "",
      "ID is the key's id or a prefix of at least 8 hex digits that names one key ('sextant",
      "keys list' shows them). The key stays listed, revoked, and is never trusted again.",
      "Revoking a revoked key changes nothing. Needs admin on every environment.",
      "",
      "Exit codes: 0 revoked; 1 not an id; 4 no such key; 6 the prefix names several keys;",
      "7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant keys revoke 3f2a9c41"})
public final class KeysRevokeCommand implements Callable<Integer> {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8,64}");

  @ParentCommand KeysCommand keys;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "The key's id, or a prefix of 8 hex digits or more.")
  String id;

  @Override
  public Integer call() {
    if (!ID.matcher(id).matches()) {
      throw CliException.invalid(
          "ID: a key id is 8 to 64 lower-case hex digits, as 'sextant keys list' shows them");
    }
    var context = keys.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode key = ApiCalls.post(store, "api/v1/keys/" + id + "/revoke");
      if (output.format() == Format.TABLE) {
        context
            .out()
            .println("revoked " + key.path("id").asText() + " (" + key.path("name").asText() + ")");
      } else {
        Printer.print(context.out(), output.format(), key);
      }
    }
    return ExitCode.OK;
  }
}
