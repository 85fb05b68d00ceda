package dev.sextant.cli.command;

import dev.sextant.cli.SextantCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant audit}: the tamper-evident ledger over every event. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditVerifyCommand.class,
      AuditLogCommand.class,
      AuditHeadCommand.class,
      AuditProofCommand.class,
      AuditExportCommand.class,
      AuditReplayCommand.class
    },
    description = {
      "Check that the server's record of events was not changed behind its back.",
      "",
      "Every event is hashed into a ledger (an RFC 6962 Merkle tree) in the same",
      "transaction that stores it, and the server signs the tree's root with its",
      "Ed25519 ledger key every 10 s while events come in. 'audit verify' hashes",
      "every stored event again and checks each signed head, so an event edited,",
      "deleted, inserted or moved with plain SQL is found and named. 'audit proof'",
      "checks an RFC 9162 inclusion or consistency proof against a signed head;",
      "'audit export' writes an evidence bundle that 'audit verify --bundle' checks",
      "offline with the ledger's public key alone. 'audit replay' makes a rollout's",
      "plan again from the inputs recorded with it."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant audit verify",
      "  sextant audit log --limit 20",
      "  sextant audit head --sign",
      "  sextant audit proof --sequence 42 --key ledger.key.pub",
      "  sextant audit export --rollout ro-1a2b3c4d5e -o ro-1a2b3c4d5e.bundle.json",
      "  sextant audit verify --bundle ro-1a2b3c4d5e.bundle.json --key ledger.key.pub",
      "  sextant audit replay --rollout ro-1a2b3c4d5e"
    })
public final class AuditCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }
}
