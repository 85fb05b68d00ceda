package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Role;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.access.Principal;
import dev.sextant.server.store.AccessDenied;
import dev.sextant.server.store.ApprovalRefused;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four eyes over HTTP with real tokens, on the repository's example resources: who may apply, who
 * may ask for a deployment where, and who may approve it, with what digest.
 */
class FourEyesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String RELEASE = "payments-api-2-4-0";

  @RegisterExtension final LabApi api = new LabApi();

  private final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeEach
  void declareTheExamplesAndTheirPeople() {
    apply(
        "strategies/canary-standard.yaml",
        "policies/eu-data-residency.yaml",
        "policies/prod-signed-releases.yaml",
        "environments/prod-us.yaml",
        "environments/staging.yaml",
        "services/payments-api.yaml",
        "services/fraud-detector.yaml",
        "services/checkout-web.yaml",
        "releases/payments-api-2.4.0.yaml");
    api.services().discovery().record("prod-us", prodUsHost("x86_64"), "test", "operator");
    person("vera", Role.VIEWER, "");
    person("dana", Role.DEPLOYER, "tier=staging");
    person("alice", Role.DEPLOYER, "");
    person("dave", Role.DEPLOYER, "");
    person("bob", Role.APPROVER, "");
    person("carol", Role.APPROVER, "");
  }

  @Test
  void a_viewer_cannot_apply_and_nothing_is_stored() throws Exception {
    String service =
        """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: ledger
        spec:
          description: Books every payment.
        """;
    RawHttp.Answer answer = send("vera", "POST", "/api/v1/apply", "application/yaml", service);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(api.services().resources().latest(new ResourceKey(Kind.SERVICE, "ledger")))
        .isEmpty();
  }

  @Test
  void a_deployer_on_staging_plans_in_staging_but_not_in_prod_us() throws Exception {
    RawHttp.Answer staging = submit("dana", "staging");
    RawHttp.Answer prod = submit("dana", "prod-us");

    assertThat(staging.status()).as(staging.toString()).isEqualTo(201);
    assertThat(json(staging).path("requestedBy").asText()).isEqualTo("dana");
    assertThat(prod.status()).as(prod.toString()).isEqualTo(403);
  }

  @Test
  void an_unsigned_release_in_prod_us_waits_for_an_approver_other_than_its_requester()
      throws Exception {
    JsonNode plan = json(submit("alice", "prod-us"));
    String name = plan.path("name").asText();
    String digest = plan.path("digest").asText();
    assertThat(plan.path("verdict").asText()).as(plan.toString()).isEqualTo("needs-approval");
    assertThat(plan.path("state").asText()).isEqualTo("awaiting-approval");
    assertThat(plan.path("approvalsNeeded").path(0).path("policy").asText())
        .isEqualTo("prod-signed-releases");

    // alice and dave are deployers: they may approve nowhere, so the route refuses them.
    RawHttp.Answer own = approve("alice", name, digest);
    assertThat(own.status()).as(own.toString()).isEqualTo(403);
    RawHttp.Answer deployer = approve("dave", name, digest);
    assertThat(deployer.status()).as(deployer.toString()).isEqualTo(403);
    assertThat(deniedTo("alice")).isNotEmpty();
    assertThat(deniedTo("dave")).isNotEmpty();

    RawHttp.Answer wrong = approve("bob", name, "sha256:" + "0".repeat(64));
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(409);

    RawHttp.Answer bob = approve("bob", name, digest);
    assertThat(bob.status()).as(bob.toString()).isEqualTo(200);
    assertThat(json(bob).path("state").asText()).isEqualTo("approved");
    assertThat(json(bob).path("approvals")).hasSize(1);

    RawHttp.Answer again = approve("bob", name, digest);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(json(again).path("state").asText()).isEqualTo("approved");
    assertThat(json(again).path("approvals")).hasSize(1);
    JsonNode shown = json(send("alice", "GET", "/api/v1/plans/" + name, "", ""));
    assertThat(shown.path("state").asText()).isEqualTo("approved");
    assertThat(shown.path("approvals")).hasSize(1);
  }

  @Test
  void a_requester_who_may_approve_still_cannot_approve_their_own_request() throws Exception {
    api.services()
        .access()
        .grant(
            Principal.local("admin"), "alice", new Grant(Role.APPROVER, LabelSelector.EVERYTHING));
    JsonNode plan = json(submit("alice", "prod-us"));
    String name = plan.path("name").asText();

    RawHttp.Answer own = approve("alice", name, plan.path("digest").asText());

    assertThat(own.status()).as(own.toString()).isEqualTo(403);
    assertThat(own.body()).contains("another person must approve it");
    assertThat(refusals(name))
        .singleElement()
        .satisfies(e -> assertThat(e.envelope().toString()).contains("alice"));
    assertThat(json(send("bob", "GET", "/api/v1/plans/" + name, "", "")).path("approvals"))
        .isEmpty();
  }

  @Test
  void a_policy_that_needs_two_approvals_needs_two_distinct_approvers() throws Exception {
    api.services()
        .resources()
        .apply(
            List.of(
                input(
                    "two-approvers.yaml",
                    """
                    apiVersion: sextant.dev/v1
                    kind: Policy
                    metadata:
                      name: prod-two-approvers
                    spec:
                      description: Every deployment to production takes two approvers.
                      effect: requireApproval
                      selector:
                        matchLabels:
                          tier: prod
                      rule: "false"
                      message: Two people must look at every production deployment.
                      approvals: 2
                      approvers:
                        - role:approver
                    """)),
            "test");
    JsonNode plan = json(submit("alice", "prod-us"));
    String name = plan.path("name").asText();
    String digest = plan.path("digest").asText();
    assertThat(plan.path("state").asText()).as(plan.toString()).isEqualTo("awaiting-approval");

    JsonNode first = json(approve("bob", name, digest));
    assertThat(first.path("state").asText()).as(first.toString()).isEqualTo("awaiting-approval");
    JsonNode twice = json(approve("bob", name, digest));
    assertThat(twice.path("state").asText()).as(twice.toString()).isEqualTo("awaiting-approval");
    JsonNode second = json(approve("carol", name, digest));
    assertThat(second.path("state").asText()).as(second.toString()).isEqualTo("approved");
    assertThat(second.path("approvals")).hasSize(2);
  }

  @Test
  void an_approval_of_a_plan_whose_inputs_changed_is_refused() throws Exception {
    JsonNode plan = json(submit("alice", "prod-us"));
    api.services().discovery().record("prod-us", prodUsHost("aarch64"), "test", "operator");

    RawHttp.Answer answer =
        approve("bob", plan.path("name").asText(), plan.path("digest").asText());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.body()).contains("inputs changed");
    assertThat(
            json(send("bob", "GET", "/api/v1/plans/" + plan.path("name").asText(), "", ""))
                .path("approvals"))
        .isEmpty();
  }

  @Test
  void an_approval_of_a_plan_whose_environment_changed_is_refused() throws Exception {
    // A change the plan reads: prod-signed-releases selects tier=prod. (A label no policy reads
    // leaves the plan, and so its digest and its approvals, as they were.)
    JsonNode plan = json(submit("alice", "prod-us"));
    String changed =
        Files.readString(EXAMPLES.resolve("environments/prod-us.yaml"))
            .replace("tier: prod", "tier: production");
    api.services().resources().apply(List.of(input("prod-us.yaml", changed)), "test");

    RawHttp.Answer answer =
        approve("bob", plan.path("name").asText(), plan.path("digest").asText());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.body()).contains("inputs changed");
  }

  private RawHttp.Answer submit(String who, String environment) {
    return send(
        who,
        "POST",
        "/api/v1/plans",
        "application/json",
        "{\"release\":\"" + RELEASE + "\",\"environment\":\"" + environment + "\"}");
  }

  private RawHttp.Answer approve(String who, String plan, String digest) {
    return send(
        who,
        "POST",
        "/api/v1/plans/" + plan + "/approvals",
        "application/json",
        "{\"digest\":\"" + digest + "\"}");
  }

  private RawHttp.Answer send(String who, String method, String path, String type, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + tokens.get(who));
    if (!type.isEmpty()) {
      headers.put("Content-Type", type);
    }
    return api.send(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private List<LoggedEvent> refusals(String plan) {
    return api.services().events(EventQuery.last(50).ofType(ApprovalRefused.TYPE)).stream()
        .filter(e -> e.envelope().subject().equals("plan/" + plan))
        .toList();
  }

  private List<LoggedEvent> deniedTo(String who) {
    return api.services().events(EventQuery.last(50).ofType(AccessDenied.TYPE)).stream()
        .filter(e -> e.envelope().subject().equals("identity/" + who))
        .filter(e -> !e.envelope().toString().contains(tokens.get(who)))
        .toList();
  }

  private void person(String name, Role role, String selector) {
    Principal admin = Principal.local("admin");
    tokens.put(
        name,
        api.services()
            .access()
            .createToken(admin, name, Optional.empty(), Optional.empty(), "four eyes")
            .text());
    api.services().access().grant(admin, name, new Grant(role, LabelSelector.parse(selector)));
  }

  private void apply(String... files) {
    List<Input> inputs = new ArrayList<>();
    for (String file : files) {
      try {
        inputs.add(new Input(file, Files.readAllBytes(EXAMPLES.resolve(file))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    api.services().resources().apply(inputs, "test");
  }

  /** A host that has every fact prod-us declares, of the given architecture. */
  private static Fingerprint prodUsHost(String arch) {
    return Fingerprint.of(
            Map.of(
                "cpu.arch", new Fact.Text(arch),
                "gpu[0].model", new Fact.Text("Tesla T4"),
                "gpu[0].compute_capability", new Fact.Version("7.5"),
                "gpu.driver.version", new Fact.Version("535.104.05"),
                "network.reach.payments_db", new Fact.Flag(true)))
        .collectedAt(Lab.COLLECTED);
  }

  private static Input input(String name, String yaml) {
    return new Input(name, yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(RawHttp.Answer answer) throws IOException {
    return JSON.readTree(answer.body());
  }
}
