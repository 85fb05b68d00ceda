package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.core.ledger.LedgerException;
import dev.sextant.core.ledger.ProofVerdict;
import dev.sextant.core.ledger.ProofVerifier;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.core.provenance.PublicKeys;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant audit proof}: a proof fetched from the server and checked here. */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch an RFC 9162 proof from the server and check it here, against a signed head.",
      "",
      "With --sequence, the inclusion proof of that event: its leaf, hashed up the",
      "audit path, must give the root of the signed head of --tree-size entries",
      "(default: the latest head). With --from and --to, the consistency proof that",
      "the log of --from entries is a prefix of the log of --to: it only grew. Each",
      "size must be one a head was signed at (see 'sextant audit head'), since a",
      "root nobody signed is only the server's word. With --key, each head's",
      "Ed25519 signature is checked too; without it the output says it was not.",
      "",
      "Exit codes: 0 the proof holds; 3 it does not, or no head was signed at that",
      "size; 1 a sequence or size outside the ledger; 4 no head was signed yet;",
      "7 not allowed (needs read on every environment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant audit proof --sequence 42",
      "  sextant audit proof --sequence 42 --tree-size 120 --key ledger.key.pub",
      "  sextant audit proof --from 100 --to 120 -o json"
    })
public final class AuditProofCommand implements Callable<Integer> {
  private static final HexFormat HEX = HexFormat.of();

  @ParentCommand AuditCommand audit;
  @Spec CommandSpec spec;
  @Mixin BackendOptions backend;
  @Mixin OutputOptions output;

  @Option(
      names = "--sequence",
      paramLabel = "N",
      description = "Prove the event of this sequence number is in the ledger.")
  Long sequence;

  @Option(
      names = "--tree-size",
      paramLabel = "M",
      description =
          "With --sequence: the size of the signed head to prove against (default: the latest).")
  Long treeSize;

  @Option(
      names = "--from",
      paramLabel = "M1",
      description = "With --to: the older head's size, whose log must be a prefix of the newer.")
  Long from;

  @Option(names = "--to", paramLabel = "M2", description = "With --from: the newer head's size.")
  Long to;

  @Option(
      names = "--key",
      paramLabel = "PUB",
      description =
          "The ledger's public key (the server's ledger.key.pub) to check each head's signature.")
  Path key;

  @Override
  public Integer call() {
    boolean inclusion = sequence != null;
    if (inclusion == (from != null || to != null)
        || (!inclusion && (from == null || to == null))
        || (treeSize != null && !inclusion)) {
      throw new ParameterException(
          spec.commandLine(), "give --sequence N [--tree-size M], or --from M1 --to M2 (not both)");
    }
    Optional<PublicKey> publicKey = Optional.ofNullable(key).map(LedgerKeyFile::read);
    var context = audit.root.context();
    try (Backend store = backend.open(context)) {
      JsonNode proof =
          inclusion
              ? ApiCalls.get(
                  store,
                  ApiCalls.query(
                      "api/v1/ledger/proofs/inclusion", "sequence", sequence, "treeSize", treeSize),
                  "a signed ledger head to prove against")
              : ApiCalls.get(
                  store,
                  ApiCalls.query("api/v1/ledger/proofs/consistency", "from", from, "to", to),
                  "the proof");
      Check check = inclusion ? inclusion(proof, publicKey) : consistency(proof, publicKey);
      if (output.format() == Format.TABLE) {
        check.lines().forEach(context.out()::println);
      } else {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("verified", check.verified());
        json.put("signatureChecked", publicKey.isPresent());
        check.problem().ifPresent(problem -> json.put("problem", problem));
        json.set("proof", proof);
        Printer.print(context.out(), output.format(), json);
      }
      return check.verified() ? ExitCode.OK : ExitCode.INCOMPATIBLE;
    }
  }

  private static Check inclusion(JsonNode proof, Optional<PublicKey> key) {
    long size = proof.path("treeSize").asLong();
    String what = "entry " + proof.path("sequence").asLong() + " in the ledger of " + size;
    Check check = new Check(what);
    Optional<SignedTreeHead> head = head(proof.get("head"));
    if (head.isEmpty()) {
      return check.fail("no head was signed at size " + size + ": nothing vouches for its root");
    }
    ProofVerdict verdict =
        ProofVerifier.inclusion(
            proof.path("leafIndex").asLong(),
            size,
            hex(proof.path("leafHash")),
            hashes(proof.path("auditPath")),
            head.get().rootHash());
    if (!verdict.valid()) {
      return check.fail("the inclusion proof fails: " + verdict.reason());
    }
    check.line(
        "the proof of "
            + proof.path("auditPath").size()
            + " hashes leads from leaf "
            + proof.path("leafHash").asText()
            + " to the root of the head signed "
            + head.get().timestamp());
    return signature(check, head.get(), key);
  }

  private static Check consistency(JsonNode proof, Optional<PublicKey> key) {
    long older = proof.path("from").asLong();
    long newer = proof.path("to").asLong();
    Check check = new Check("the ledger of " + older + " entries growing into " + newer);
    Optional<SignedTreeHead> fromHead = head(proof.get("fromHead"));
    Optional<SignedTreeHead> toHead = head(proof.get("toHead"));
    if (fromHead.isEmpty() || toHead.isEmpty()) {
      return check.fail(
          "no head was signed at size "
              + (fromHead.isEmpty() ? older : newer)
              + ": nothing vouches for its root");
    }
    ProofVerdict verdict =
        ProofVerifier.consistency(
            older,
            newer,
            fromHead.get().rootHash(),
            toHead.get().rootHash(),
            hashes(proof.path("path")));
    if (!verdict.valid()) {
      return check.fail("the consistency proof fails: " + verdict.reason());
    }
    check.line(
        "the proof of "
            + proof.path("path").size()
            + " hashes shows the head signed "
            + fromHead.get().timestamp()
            + " is a prefix of the head signed "
            + toHead.get().timestamp());
    return signature(signature(check, fromHead.get(), key), toHead.get(), key);
  }

  private static Check signature(Check check, SignedTreeHead head, Optional<PublicKey> key) {
    if (check.problem().isPresent()) {
      return check;
    }
    if (key.isEmpty()) {
      return check.line(
          "the signature of the head of size "
              + head.treeSize()
              + " was not checked: give --key ledger.key.pub");
    }
    String id = PublicKeys.id(key.get());
    if (!head.keyId().equals(id)) {
      return check.fail(
          "the head of size " + head.treeSize() + " names key " + head.keyId() + ", not " + id);
    }
    if (!head.verifiesWith(key.get())) {
      return check.fail("the head of size " + head.treeSize() + " is not signed by key " + id);
    }
    return check.line("the head of size " + head.treeSize() + " is signed by key " + id);
  }

  private static Optional<SignedTreeHead> head(JsonNode json) {
    if (json == null || json.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SignedTreeHead(
              json.path("treeSize").asLong(),
              hex(json.path("rootHash")),
              json.path("timestamp").asText(),
              json.path("keyId").asText(),
              Base64.getDecoder().decode(json.path("signature").asText())));
    } catch (IllegalArgumentException | LedgerException e) {
      throw CliException.invalid("the server's tree head is malformed: " + e.getMessage());
    }
  }

  private static List<byte[]> hashes(JsonNode json) {
    List<byte[]> hashes = new ArrayList<>();
    json.forEach(hash -> hashes.add(hex(hash)));
    return hashes;
  }

  private static byte[] hex(JsonNode json) {
    try {
      return HEX.parseHex(json.asText());
    } catch (IllegalArgumentException e) {
      throw CliException.invalid("the server's proof holds a hash that is not hex");
    }
  }

  /** What was checked, in lines for a person, and the first problem, if any. */
  private static final class Check {
    private final String what;
    private final List<String> lines = new ArrayList<>();
    private String problem;

    Check(String what) {
      this.what = what;
    }

    Check line(String line) {
      lines.add(line);
      return this;
    }

    Check fail(String why) {
      problem = why;
      return this;
    }

    boolean verified() {
      return problem == null;
    }

    Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    List<String> lines() {
      List<String> all = new ArrayList<>();
      all.add(verified() ? what + ": verified" : what + ": NOT verified: " + problem);
      all.addAll(lines);
      return all;
    }
  }
}
