package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.ledger.BundleVerdict;
import dev.sextant.core.ledger.BundleVerifier;
import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.core.ledger.LedgerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code audit verify --bundle}: an evidence bundle checked with its key alone. Nothing here opens
 * a store or reaches a server: an auditor runs it where neither is.
 */
final class BundleCheck {
  private BundleCheck() {}

  /**
   * @return {@link ExitCode#OK} when the bundle verifies, {@link ExitCode#INCOMPATIBLE} when not
   * @throws CliException invalid input when the file or the key cannot be read as such
   */
  static int run(Path file, Path keyFile, Format format, PrintWriter out) {
    PublicKey key = LedgerKeyFile.read(keyFile);
    EvidenceBundle bundle;
    try {
      bundle = EvidenceBundleJson.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw CliException.invalid(file + ": cannot read: " + e.getMessage());
    } catch (LedgerException e) {
      throw CliException.invalid(file + ": " + e.getMessage());
    }
    BundleVerdict verdict = BundleVerifier.verify(bundle, key);
    if (format == Format.TABLE) {
      describe(file, bundle, verdict, out);
    } else {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("verified", verdict.verified());
      json.put("entries", verdict.entries());
      json.put("treeSize", verdict.treeSize());
      json.put("keyId", bundle.treeHead().keyId());
      verdict.failure().ifPresent(f -> json.put("failedAt", f.where()).put("reason", f.reason()));
      Printer.print(out, format, json);
    }
    return verdict.verified() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
  }

  private static void describe(
      Path file, EvidenceBundle bundle, BundleVerdict verdict, PrintWriter out) {
    if (verdict.failure().isPresent()) {
      BundleVerdict.Failure failure = verdict.failure().get();
      out.println(file + " does NOT verify: " + failure.where() + ": " + failure.reason());
      return;
    }
    out.println(
        file
            + " verifies: "
            + verdict.entries()
            + " entries of "
            + String.join(
                ", ",
                bundle.selection().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .toList()));
    out.println(
        "each entry's leaf leads by its inclusion proof to the head of "
            + verdict.treeSize()
            + " entries signed "
            + bundle.treeHead().timestamp()
            + " by key "
            + bundle.treeHead().keyId());
    out.println(
        bundle.inputs().size()
            + " input digests, "
            + bundle.approvals().size()
            + " approvals, "
            + bundle.analyses().size()
            + " analysis results; the bundle's own signature holds");
  }
}
