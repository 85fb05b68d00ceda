package dev.sextant.cli.command;

import dev.sextant.cli.SextantCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant secret}: the secret references resources hold. */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    subcommands = {SecretCheckCommand.class},
    description = {
      "Check secret references: resources hold these, never secrets.",
      "",
      "  env:NAME               an environment variable of the process that uses it",
      "  file:/path             a file readable by its owner only (chmod 600)",
      "  vault:mount/path#key   a key of a Vault KV version 2 secret, read with",
      "                         $VAULT_ADDR and $VAULT_TOKEN (or ~/.vault-token)",
      "A reference is resolved when the secret is used, and its value is never printed,",
      "logged, stored or sent."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant secret check env:DB_PASSWORD"})
public final class SecretCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }
}
