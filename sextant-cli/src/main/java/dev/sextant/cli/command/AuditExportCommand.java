package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.ExitCode;
import dev.sextant.cli.backend.Backend;
import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.core.ledger.LedgerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant audit export}: an evidence bundle, for an auditor to check offline. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the evidence bundle of a rollout, a release or an environment.",
      "",
      "A bundle is one JSON document (RFC 8785, on one line) holding every ledger",
      "entry of the selection in full, the RFC 8785 text each leaf hashes, each",
      "entry's inclusion proof against ONE signed tree head (the server signs a new",
      "head when the latest does not cover the selection), the digests of every",
      "input the entries name, the sequence numbers of the approvals and analysis",
      "results among them, and the ledger key's Ed25519 signature over the whole.",
      "An auditor checks it with 'sextant audit verify --bundle FILE --key PUB',",
      "with no server, or with any RFC 6962 verifier.",
      "",
      "A rollout's bundle holds its events, its plan's (submitted, approved) and",
      "the revision it marked; a release's, the release's events and its plans and",
      "rollouts; an environment's, its events, plans, rollouts, fingerprints and",
      "drift. --since and --until keep the entries of that window.",
      "",
      "Exit codes: 0 written; 1 a bad name or time, or the ledger does not verify",
      "there (run 'sextant audit verify'); 4 nothing is about the selection;",
      "7 not allowed (needs read on every environment)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant audit export --rollout ro-1a2b3c4d5e -o ro-1a2b3c4d5e.bundle.json",
      "  sextant audit export --environment prod --since 2026-11-01T00:00:00Z \\",
      "      --until 2026-12-01T00:00:00Z -o prod-november.json"
    })
public final class AuditExportCommand implements Callable<Integer> {
  @ParentCommand AuditCommand audit;
  @Mixin BackendOptions backend;

  @ArgGroup(multiplicity = "1")
  Selection selection;

  /** Exactly one of the three. */
  static final class Selection {
    @Option(names = "--rollout", paramLabel = "ID", description = "A rollout's id (ro-…).")
    String rollout;

    @Option(names = "--release", paramLabel = "NAME", description = "A Release's name.")
    String release;

    @Option(names = "--environment", paramLabel = "NAME", description = "An Environment's name.")
    String environment;
  }

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Only entries at or after this UTC instant, e.g. 2026-12-01T00:00:00Z.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Only entries before this UTC instant.")
  String until;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the bundle to FILE (default: standard output).")
  Path file;

  @Override
  public Integer call() {
    String path =
        ApiCalls.query(
            "api/v1/ledger/bundle",
            "rollout",
            selection.rollout,
            "release",
            selection.release,
            "environment",
            selection.environment,
            "since",
            instant(since, "--since"),
            "until",
            instant(until, "--until"));
    var context = audit.root.context();
    String bundle;
    try (Backend store = backend.open(context)) {
      bundle = ApiCalls.call(() -> store.api().text(path, "application/json"));
    }
    if (file == null) {
      context.out().print(bundle);
      context.out().flush();
      return ExitCode.OK;
    }
    byte[] bytes = bundle.getBytes(StandardCharsets.UTF_8);
    EvidenceBundle read;
    try {
      read = EvidenceBundleJson.read(bytes);
    } catch (LedgerException e) {
      throw CliException.invalid("the server's answer is no evidence bundle: " + e.getMessage());
    }
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw CliException.invalid(file + ": cannot write: " + e.getMessage());
    }
    context
        .out()
        .printf(
            "wrote %s: %d entries, proved against the head of %d entries signed %s%n",
            file, read.entries().size(), read.treeHead().treeSize(), read.treeHead().timestamp());
    return ExitCode.OK;
  }

  private static String instant(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException e) {
      throw CliException.invalid(
          option + " is '" + text + "': expected a UTC instant such as 2026-12-01T00:00:00Z");
    }
  }
}
