package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.core.resource.Resource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The demo's four-eyes step: identities of their own ask for a deployment and approve it. */
final class DemoFourEyes {
  private DemoFourEyes() {}

  /**
   * Two more identities with tokens of their own: alice deploys, bob approves production. A denied
   * release is refused outright; one a policy holds waits, alice cannot approve her own request,
   * and bob's approval lets it go.
   *
   * @return whether each answer was the one four-eyes rules give
   */
  static boolean run(
      PrintWriter out, String serverUrl, RemoteBackend admin, List<Resource> releases) {
    RemoteBackend alice = identity(serverUrl, admin, "alice", "deployer", "");
    grant(admin, "alice", "approver", "tier=prod");
    RemoteBackend bob = identity(serverUrl, admin, "bob", "approver", "tier=prod");
    out.println(
        "   admin made tokens for alice (deployer everywhere, approver on tier=prod) and bob"
            + " (approver on tier=prod)");
    JsonNode denied = submit(alice, named(releases, "checkout-web"), "prod-us");
    out.printf(
        "   alice: plan %s of %s to prod-us: %s, %s%n",
        denied.path("name").asText(),
        denied.path("release").asText(),
        denied.path("verdict").asText(),
        denied.path("state").asText());
    JsonNode held = submit(alice, named(releases, "payments-api"), "prod-us");
    String plan = held.path("name").asText();
    out.printf(
        "   alice: plan %s of %s to prod-us: %s, %s%n",
        plan,
        held.path("release").asText(),
        held.path("verdict").asText(),
        held.path("state").asText());
    boolean refused;
    try {
      approve(alice, plan, held.path("digest").asText());
      refused = false;
    } catch (CliException e) {
      refused = true;
      out.printf("   alice approves %s: refused: %s%n", plan, e.getMessage());
    }
    JsonNode approved = approve(bob, plan, held.path("digest").asText());
    out.printf(
        "   bob approves %s (digest %s…): %s%n",
        plan, held.path("digest").asText().substring(7, 19), approved.path("state").asText());
    return denied.path("state").asText().equals("refused")
        && held.path("state").asText().equals("awaiting-approval")
        && refused
        && approved.path("state").asText().equals("approved");
  }

  private static RemoteBackend identity(
      String serverUrl, RemoteBackend admin, String name, String role, String on) {
    JsonNode token =
        ApiCalls.post(
            admin,
            "api/v1/tokens",
            JsonNodeFactory.instance
                .objectNode()
                .put("identity", name)
                .put("validFor", "1h")
                .put("description", "the demo's " + role));
    grant(admin, name, role, on);
    return new RemoteBackend(serverUrl, Optional.of(token.path("token").asText()));
  }

  private static void grant(RemoteBackend admin, String identity, String role, String on) {
    ApiCalls.post(
        admin,
        "api/v1/grants",
        JsonNodeFactory.instance
            .objectNode()
            .put("identity", identity)
            .put("role", role)
            .put("environments", on));
  }

  private static JsonNode submit(RemoteBackend as, String release, String environment) {
    return ApiCalls.post(
        as,
        "api/v1/plans",
        JsonNodeFactory.instance
            .objectNode()
            .put("release", release)
            .put("environment", environment));
  }

  private static JsonNode approve(RemoteBackend as, String plan, String digest) {
    return ApiCalls.post(
        as,
        "api/v1/plans/" + plan + "/approvals",
        JsonNodeFactory.instance.objectNode().put("digest", digest));
  }

  private static String named(List<Resource> releases, String service) {
    return releases.stream()
        .map(Resource::name)
        .filter(name -> name.startsWith(service))
        .findFirst()
        .orElseThrow();
  }
}
