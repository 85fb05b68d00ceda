package dev.sextant.cli.command;

import dev.sextant.cli.SextantCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant keys}: signing keys, and the server's trust store of public keys. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    subcommands = {
      KeysGenerateCommand.class,
      KeysListCommand.class,
      KeysTrustCommand.class,
      KeysRevokeCommand.class
    },
    description = {
      "Make signing keys, and say which public keys the server trusts.",
      "",
      "'generate' writes an Ed25519 key pair here, for 'sextant sign'. The server keeps a",
      "trust store of public keys (Ed25519 or ECDSA P-256): a policy can require that a",
      "release, an environment, a policy or a fingerprint is signed by one of them",
      "(signatures.release.verified) and that a release's provenance is",
      "(release.provenance.verified). A key's id is the hex SHA-256 of its DER public key,",
      "so anyone computes it from the .pub file: openssl pkey -pubin -in K.pub -outform DER",
      "| sha256sum. A revoked key stays listed and is never trusted again. Trusting and",
      "revoking need admin on every environment; listing needs read on every environment."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant keys generate --out release-signing",
      "  sextant keys trust release-signing.pub --name \"release managers\"",
      "  sextant keys list",
      "  sextant keys revoke 3f2a9c41"
    })
public final class KeysCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }
}
