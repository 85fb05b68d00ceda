package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sextant audit verify}: the ledger checked against the events as they are now, or an
 * evidence bundle checked offline.
 */
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
      "With --bundle FILE --key PUB it checks an evidence bundle (from 'sextant",
      "audit export') offline instead, with no server and no store: every entry's",
      "leaf is hashed again from its RFC 8785 text (which must be the entry's own),",
      "every inclusion proof must lead to the bundle's one signed head, the head and",
      "the bundle must be signed by PUB (the server's ledger.key.pub), and the lists",
      "of input digests, approvals and analyses must be what the entries say. Any",
      "byte changed in the file makes it fail.",
      "",
      "Exit codes: 0 the ledger (or bundle) verifies; 3 it does not, naming the first",
      "bad entry or check; 1 the file is no evidence bundle, or PUB no Ed25519 key;",
      "7 not allowed (needs read on every environment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant audit verify",
      "  sextant audit verify -o json",
      "  sextant audit verify --bundle ro-1a2b3c4d5e.bundle.json --key ledger.key.pub"
    })
public final class AuditVerifyCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Option(
      names = "--bundle",
      paramLabel = "FILE",
      description =
          "Check this evidence bundle offline, with --key, instead of the server's ledger.")
  Path bundle;

  @Option(
      names = "--key",
      paramLabel = "PUB",
      description =
          "With --bundle: the ledger's public key, the server's ledger.key.pub (PEM or base64).")
  Path key;

  @Override
  public Integer call() {
    var context = audit.root.context();
    if ((bundle == null) != (key == null)) {
      throw new ParameterException(
          spec.commandLine(), "--bundle FILE and --key PUB go together: give both, or neither");
    }
    if (bundle != null) {
      return BundleCheck.run(bundle, key, output.format(), context.out());
    }
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
