package dev.sextant.cli.command;

import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.secret.UnresolvedSecretException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant secret check REF}: resolves a reference here, as whatever uses it would, and says
 * only that it resolved, with the value's length and the start of its SHA-256 to compare against
 * the expected secret without showing it.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve a secret reference here, as a consumer would, and say if it resolved.",
      "",
      "Prints the value's length and the first 8 hex digits of its SHA-256, never the",
      "value; compare with: printf %%s \"$SECRET\" | sha256sum",
      "Exit 0 when it resolves; 1 for a text that is no reference, or a secret that may",
      "not be used (a file others can read, a token Vault refuses); 4 when nothing is",
      "there; 5 when Vault cannot be reached or is not configured."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant secret check env:DB_PASSWORD",
      "  sextant secret check file:/etc/sextant/enrollment-token",
      "  VAULT_ADDR=https://vault.example:8200 VAULT_TOKEN=... \\",
      "    sextant secret check vault:kv/sextant/prod-eu#token"
    })
public final class SecretCheckCommand implements Callable<Integer> {
  @ParentCommand SecretCommand secret;

  @Parameters(
      paramLabel = "REF",
      description = "The reference: env:NAME, file:/path or vault:mount/path#key.")
  String reference;

  @Override
  public Integer call() {
    var context = secret.root.context();
    SecretRef ref;
    try {
      ref = SecretRef.parse(reference);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(e.getMessage());
    }
    Secret value;
    try {
      value = new Secrets(context.env()).resolve(ref);
    } catch (UnresolvedSecretException e) {
      throw new CliException(kind(e.reason()), e.getMessage());
    }
    context
        .out()
        .printf(
            "%s: resolved, %d character(s), sha256 %s…%n",
            ref.describe(), value.length(), value.sha256Prefix());
    return 0;
  }

  private static ProblemKind kind(UnresolvedSecretException.Reason reason) {
    return switch (reason) {
      case MISSING -> ProblemKind.NOT_FOUND;
      case REFUSED -> ProblemKind.INVALID;
      case UNREACHABLE -> ProblemKind.UNAVAILABLE;
    };
  }
}
