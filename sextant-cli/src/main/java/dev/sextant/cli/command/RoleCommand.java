package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.Backend;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant role}: the roles identities hold, on the environments a selector matches. */
@Command(
    name = "role",
    mixinStandardHelpOptions = true,
    description = {
      "Grant, revoke and list roles, each on the environments a label selector matches.",
      "",
      "  viewer    reads everything",
      "  deployer  applies Releases, Services, Strategies…; records fingerprints; submits",
      "            plans (deploys) in its environments",
      "  approver  approves plans held for approval in its environments",
      "  admin     all of these, and declares Environments; on every environment (no",
      "            --on) also Policies, tokens and roles",
      "No one approves a plan they asked for. Deny by default: without a role, nothing."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant role grant deployer --to alice --on tier=staging",
      "  sextant role grant approver --to bob --on 'tier in (staging,prod)'",
      "  sextant role grant viewer --to dashboards",
      "  sextant role revoke deployer --from alice --on tier=staging",
      "  sextant role list --identity alice"
    })
public final class RoleCommand implements Runnable {
  @ParentCommand SextantCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.context().out());
  }

  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Grant a role to an identity on the environments --on selects (all without).")
  int grant(
      @Parameters(paramLabel = "ROLE", description = "viewer, deployer, approver or admin.")
          String role,
      @Option(names = "--to", required = true, paramLabel = "IDENTITY", description = "Who.")
          String identity,
      @Option(
              names = "--on",
              paramLabel = "SELECTOR",
              defaultValue = "",
              description = "A label selector of environments, e.g. tier=staging (default: all).")
          String on,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    return change("api/v1/grants", role, identity, on, backend, output, "granted", "held already");
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Take back a role granted on exactly that selector.")
  int revoke(
      @Parameters(paramLabel = "ROLE", description = "viewer, deployer, approver or admin.")
          String role,
      @Option(names = "--from", required = true, paramLabel = "IDENTITY", description = "Whose.")
          String identity,
      @Option(
              names = "--on",
              paramLabel = "SELECTOR",
              defaultValue = "",
              description = "The selector it was granted on (default: all environments).")
          String on,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    return change(
        "api/v1/grants/revoke", role, identity, on, backend, output, "revoked", "was not held");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List who holds which role where.")
  int list(
      @Option(names = "--identity", paramLabel = "NAME", description = "Only this identity's.")
          String identity,
      @Mixin BackendOptions backend,
      @Mixin OutputOptions output) {
    var context = root.context();
    String path = ApiCalls.forIdentity("api/v1/grants", identity);
    try (Backend store = backend.open(context)) {
      JsonNode grants = ApiCalls.get(store, path, "grants");
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), grants);
        return 0;
      }
      Table table = new Table("IDENTITY", "ROLE", "ENVIRONMENTS", "GRANTED BY");
      for (JsonNode g : grants.path("items")) {
        table.row(
            g.path("identity").asText(),
            g.path("role").asText(),
            environments(g.path("environments").asText()),
            g.path("grantedBy").asText());
      }
      table.print(context.out());
      return 0;
    }
  }

  private int change(
      String path,
      String role,
      String identity,
      String on,
      BackendOptions backend,
      OutputOptions output,
      String done,
      String unchanged) {
    var context = root.context();
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("identity", identity)
            .put("role", role)
            .put("environments", on);
    try (Backend store = backend.open(context)) {
      JsonNode answer = ApiCalls.post(store, path, body);
      if (output.format() != Format.TABLE) {
        Printer.print(context.out(), output.format(), answer);
      } else {
        context
            .out()
            .printf(
                "%s on %s: %s %s%n",
                answer.path("role").asText(),
                environments(answer.path("environments").asText()),
                answer.path("changed").asBoolean() ? done : unchanged,
                identity);
      }
      return 0;
    }
  }

  private static String environments(String selector) {
    return selector.isEmpty() ? "every environment" : selector;
  }
}
