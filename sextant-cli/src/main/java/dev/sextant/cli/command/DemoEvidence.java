package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.SextantClient;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.core.ledger.BundleVerdict;
import dev.sextant.core.ledger.BundleVerifier;
import dev.sextant.core.ledger.EvidenceBundleJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo's evidence of a rollout, as an auditor gets it: its bundle exported through the API,
 * written to a file and checked offline with nothing but the ledger's public key, as {@code sextant
 * audit verify --bundle} does.
 */
record DemoEvidence(boolean verified, String line) {

  /** Where bundles are written, and the ledger's public key they are checked with. */
  record Auditor(Path publicKey, Path directory) {
    DemoEvidence check(RemoteBackend api, JsonNode rollout) throws IOException {
      return of(api, rollout, publicKey, directory);
    }
  }

  private static DemoEvidence of(
      RemoteBackend api, JsonNode rollout, Path publicKey, Path directory) throws IOException {
    String id = rollout.path("id").asText();
    String text =
        new SextantClient(api.api())
            .evidenceBundle("rollout", id, Optional.empty(), Optional.empty());
    Path file =
        Files.writeString(directory.resolve(id + ".bundle.json"), text, StandardCharsets.UTF_8);
    BundleVerdict verdict =
        BundleVerifier.verify(
            EvidenceBundleJson.read(text.getBytes(StandardCharsets.UTF_8)),
            LedgerKeyFile.read(publicKey));
    // The demo's data directory goes when it ends (unless --keep), so the hint names no path.
    String check =
        "'sextant audit export --rollout "
            + id
            + " -o "
            + file.getFileName()
            + "', then 'sextant audit verify --bundle "
            + file.getFileName()
            + " --key ledger.key.pub'";
    if (verdict.verified()) {
      return new DemoEvidence(
          true,
          "evidence: "
              + id
              + "'s bundle, "
              + verdict.entries()
              + " entries proved against a signed head of "
              + verdict.treeSize()
              + ", verified offline with the ledger's public key alone ("
              + check
              + ")");
    }
    return new DemoEvidence(
        false,
        "evidence: "
            + id
            + "'s bundle does NOT verify: "
            + verdict.failure().map(f -> f.where() + ": " + f.reason()).orElse("")
            + " ("
            + check
            + ")");
  }
}
