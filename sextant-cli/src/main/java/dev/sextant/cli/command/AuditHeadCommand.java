package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** {@code sextant audit head}: the latest signed tree head, or one signed now. */
@Command(
    name = "head",
    mixinStandardHelpOptions = true,
    description = {
      "Show the ledger's latest signed tree head.",
      "",
      "A head is the number of events the ledger had, the Merkle root over them,",
      "when the server signed it, its key's id and the Ed25519 signature. With",
      "--sign the server signs a head over every event now (administer on every",
      "environment); when no event came since the latest head, that head is shown.",
      "",
      "Exit codes: 0 shown; 4 no head was signed yet; 7 not allowed."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant audit head", "  sextant audit head --sign -o json"})
public final class AuditHeadCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(names = "--sign", description = "Sign a head over every event now.")
  boolean sign;

  @Override
  public Integer call() {
    var context = audit.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode head =
          sign
              ? ApiCalls.post(store, "api/v1/ledger/heads", JsonNodeFactory.instance.objectNode())
              : ApiCalls.get(store, "api/v1/ledger/head", "a signed ledger head");
      if (output.format() == Format.TABLE) {
        new Table("SIZE", "ROOT", "SIGNED", "KEY")
            .row(
                head.path("treeSize").asText(),
                head.path("rootHash").asText(),
                head.path("timestamp").asText(),
                head.path("keyId").asText())
            .print(context.out());
      } else {
        Printer.print(context.out(), output.format(), head);
      }
    }
    return ExitCode.OK;
  }
}
