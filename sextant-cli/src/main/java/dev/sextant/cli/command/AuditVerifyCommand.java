package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sextant audit verify}: the ledger checked against the events as they are now. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify the ledger: every event against its leaf, every signed head.",
      "",
      "The server hashes each stored event again and compares it with the leaf",
      "written when the event was; then it recomputes the root at each signed",
      "head's size and checks the head's signature. The first bad entry is named",
      "by its sequence number, with how it was changed: edited, deleted, inserted,",
      "reordered, head-mismatch (the leaves were rewritten to match: the change is",
      "between the last good head and this one) or bad-signature.",
      "",
      "Exit codes: 0 the ledger verifies; 3 it does not; 7 not allowed (needs read",
      "on every environment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant audit verify", "  sextant audit verify -o json"})
public final class AuditVerifyCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    var context = audit.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode check = ApiCalls.get(store, "api/v1/ledger/verify", "the ledger");
      if (output.format() == Format.TABLE) {
        describe(context.out(), check);
      } else {
        Printer.print(context.out(), output.format(), check);
      }
      return check.path("verified").asBoolean() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
  }

  private static void describe(PrintWriter out, JsonNode check) {
    String counted =
        check.path("entries").asLong()
            + " events, "
            + check.path("heads").asLong()
            + " signed heads";
    if (check.path("verified").asBoolean()) {
      out.println("the ledger verifies: " + counted);
      return;
    }
    out.println(
        "the ledger does NOT verify: first bad entry "
            + check.path("firstBadSequence").asLong()
            + " ("
            + check.path("problem").asText()
            + "): "
            + check.path("explanation").asText());
    out.println("checked " + counted);
  }
}
