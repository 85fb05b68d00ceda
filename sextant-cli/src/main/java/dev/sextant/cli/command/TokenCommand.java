package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant token}: API tokens, which say who calls the server. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Make, list and revoke API tokens: each says who calls the server.",
      "",
      "A token belongs to an identity, a user or a service account, made with its first",
      "token. It is shown once when made and kept only as a hash; it works until it",
      "expires (90 days unless --expires says otherwise) or is revoked. What it may do is",
      "what the roles granted to its identity allow ('sextant role'). Only an admin of",
      "every environment manages tokens."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant token create alice --description \"alice's laptop\"",
      "  sextant token create ci --service-account --expires 30d",
      "  SEXTANT_TOKEN=sxt_... sextant whoami",
      "  sextant token list --identity alice",
      "  sextant token revoke tok-0123456789ab"
    })
public final class TokenCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Make a token for an identity (and the identity, when it is new); print it once.",
        "Grant the identity a role next: 'sextant role grant ROLE --to NAME'."
      })
  int create(
      @Parameters(paramLabel = "IDENTITY", description = "Who the token is for, e.g. alice.")
          String identity,
      @Option(
              names = "--service-account",
              description = "A new identity is a program, not a person.")
          boolean serviceAccount,
      @Option(
              names = "--expires",
              paramLabel = "DURATION",
              defaultValue = "90d",
              description = "How long it works: 30d, 12h, or never (default: ${DEFAULT-VALUE}).")
          String expires,
      @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
          String description,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    var context = root.context();
    ObjectNode body =
        JsonNodeFactory.instance.objectNode().put("identity", identity).put("validFor", expires);
    if (description != null) {
      body.put("description", description);
    }
    if (serviceAccount) {
      body.put("kind", "service-account");
    }
    try (Backend store = backend.open(context)) {
      JsonNode token = ApiCalls.post(store, "api/v1/tokens", body);
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), token);
        return 0;
      }
      context
          .out()
          .printf(
              "token %s for %s, %s%n%s%n%nShown this once: keep it where only %s reads it (e.g. a"
                  + " file for SEXTANT_TOKEN or --token-file).%n",
              token.path("id").asText(),
              token.path("identity").asText(),
              token.path("expires").isNull()
                  ? "does not expire"
                  : "expires " + token.path("expires").asText(),
              token.path("token").asText(),
              token.path("identity").asText());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens (never their text): id, identity, status, expiry.")
  int list(
      @Option(names = "--identity", paramLabel = "NAME", description = "Only this identity's.")
          String identity,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    var context = root.context();
    String path = ApiCalls.forIdentity("api/v1/tokens", identity);
    try (Backend store = backend.open(context)) {
      JsonNode tokens = ApiCalls.get(store, path, "tokens");
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), tokens);
        return 0;
      }
      Table table = new Table("ID", "IDENTITY", "STATUS", "EXPIRES", "CREATED BY", "DESCRIPTION");
      for (JsonNode t : tokens.path("items")) {
        table.row(
            t.path("id").asText(),
            t.path("identity").asText(),
            t.path("status").asText(),
            t.path("expires").isNull() ? "never" : t.path("expires").asText(),
            t.path("createdBy").asText(),
            t.path("description").asText());
      }
      table.print(context.out());
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token: from now on the server refuses it (401).")
  int revoke(
      @Parameters(paramLabel = "ID", description = "The token's id, as 'sextant token list' shows.")
          String id,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    var context = root.context();
    try (Backend store = backend.open(context)) {
      JsonNode token =
          ApiCalls.post(
              store, "api/v1/tokens/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/revoke");
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), token);
      } else {
        context
            .out()
            .printf(
                "token %s of %s revoked by %s at %s%n",
                token.path("id").asText(),
                token.path("identity").asText(),
                token.path("revokedBy").asText(),
                token.path("revoked").asText());
      }
      return 0;
    }
  }
}
