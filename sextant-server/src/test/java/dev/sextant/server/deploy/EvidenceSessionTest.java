package dev.sextant.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import dev.sextant.api.NamedInput;
import dev.sextant.api.SextantClient;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Role;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.server.Lab;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.access.Principal;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted session through the API with real tokens and real rollouts (the sample service's jar,
 * run by the local target): an admin applies, alice plans, bob approves, alice deploys v1, then v2,
 * pauses, resumes and aborts it. The ledger's entries name who caused each event and carry the
 * digests of its inputs; and each rollout's plan replays to the recorded digest, until a recorded
 * input is edited in the database.
 */
class EvidenceSessionTest {
  private static final String TOKEN = "sxt_the-evidence-tests-admin-token";

  private static final String PAUSE_AT_HALF =
      """
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: pause-at-half
      spec:
        canary:
          steps:
            - setWeight: 50
            - pause: {}
            - promote: {}
      """;

  private static final String FOUR_EYES =
      """
      apiVersion: sextant.dev/v1
      kind: Policy
      metadata:
        name: dev-four-eyes
      spec:
        description: Another person looks at every deployment to dev.
        effect: requireApproval
        selector:
          matchLabels:
            tier: dev
        rule: "false"
        message: Another person must approve every deployment to dev.
        approvals: 1
        approvers:
          - role:approver
      """;

  @TempDir Path home;
  private SextantServer server;
  private ApiClient admin;
  private ApiClient alice;
  private ApiClient bob;
  private String v1;
  private String v2;
  private String keyId;

  @BeforeEach
  void runTheSession() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("data")))
                .withFirstAdminToken(TOKEN));
    admin = client(TOKEN);
    alice = client(person("alice", Role.DEPLOYER));
    bob = client(person("bob", Role.APPROVER));
    SampleJar jar = SampleJar.built();
    new SextantClient(admin)
        .apply(
            List.of(
                named(
                    "environment.yaml",
                    """
                    apiVersion: sextant.dev/v1
                    kind: Environment
                    metadata:
                      name: dev
                      labels:
                        tier: dev
                    spec:
                      target:
                        type: local
                    """),
                named(
                    "service.yaml",
                    """
                    apiVersion: sextant.dev/v1
                    kind: Service
                    metadata:
                      name: sample
                    spec:
                      owner: team-tests
                    """),
                named("strategy.yaml", PAUSE_AT_HALF),
                named("policy.yaml", FOUR_EYES),
                named("v1.yaml", jar.release("sample-v1", "1.0.0", "pause-at-half")),
                named("v2.yaml", jar.release("sample-v2", "2.0.0", "pause-at-half"))),
            false);
    server.services().discovery().record("dev", Lab.host("x86_64"), "file:dev.yaml", "admin");
    keyId =
        admin
            .post(
                "api/v1/keys",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("publicKey", newPublicKey())
                    .put("name", "release managers"))
            .path("id")
            .asText();

    v1 = deployApproved("sample-v1");
    await(v1, r -> r.path("phase").asText().equals("succeeded") && r.path("settled").asBoolean());
    v2 = deployApproved("sample-v2");
    await(v2, r -> r.path("phase").asText().equals("paused"));
    verb("pause");
    verb("resume");
    await(v2, r -> r.path("phase").asText().equals("paused"));
    verb("abort");
    await(v2, r -> r.path("terminal").asBoolean() && r.path("settled").asBoolean());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void each_entry_names_the_person_who_caused_it_and_the_engine_its_own_work() {
    List<JsonNode> entries = entries();

    assertThat(actors(entries, "resource.applied", "")).containsOnly("admin");
    // The first admin's token and role are the server's own work, at its first start.
    assertThat(actors(entries, "token.created", "")).containsOnly("system", "admin");
    assertThat(actors(entries, "role.changed", "")).containsOnly("system", "admin");
    assertThat(first(entries, "token.created").path("actor").asText()).isEqualTo("system");
    assertThat(actors(entries, "plan.submitted", "")).containsOnly("alice");
    assertThat(actors(entries, "plan.approved", "")).containsOnly("bob");
    assertThat(actors(entries, "deployment.started", "")).containsOnly("alice");
    assertThat(actors(entries, "rollout.command-ran", "")).containsOnly("system");
    assertThat(actors(entries, "revision.marked", "")).containsOnly("system");
    // v1 was started by alice and went on by itself; v2 was started, paused, resumed and aborted
    // by alice, and moved by itself between.
    List<String> v1Moves = actorsInOrder(entries, "rollout.moved", "rollout/" + v1);
    assertThat(v1Moves).first().isEqualTo("alice");
    assertThat(v1Moves.subList(1, v1Moves.size())).allMatch("system"::equals);
    List<String> v2Moves = actorsInOrder(entries, "rollout.moved", "rollout/" + v2);
    assertThat(v2Moves).first().isEqualTo("alice");
    assertThat(v2Moves.stream().filter("alice"::equals)).hasSize(4);
    assertThat(v2Moves).contains("system");
  }

  @Test
  void plans_and_deployments_carry_the_digests_of_their_inputs() {
    List<JsonNode> entries = entries();

    JsonNode submitted = first(entries, "plan.submitted");
    assertThat(names(submitted.path("inputs")))
        .containsExactly(
            "environment", "fingerprint", "plan", "policySet", "release", "trustedKeys");
    JsonNode started = first(entries, "deployment.started");
    assertThat(names(started.path("inputs")))
        .containsExactly("artifact", "fingerprint", "plan", "policySet", "release", "trustedKeys");
    assertThat(started.path("inputs").path("plan"))
        .isEqualTo(submitted.path("inputs").path("plan"));
    assertThat(started.path("inputs").path("artifact").asText())
        .isEqualTo("sha256:" + SampleJar.built().sha256());
    assertThat(admin.get("api/v1/ledger/verify").orElseThrow().path("verified").asBoolean())
        .isTrue();
  }

  @Test
  void a_completed_and_an_aborted_rollout_replay_to_their_recorded_plan_digests() {
    for (String rollout : List.of(v1, v2)) {
      JsonNode replay = alice.get("api/v1/rollouts/" + rollout + "/replay").orElseThrow();

      assertThat(replay.path("same").asBoolean()).as(replay.toPrettyString()).isTrue();
      assertThat(replay.path("replayedDigest")).isEqualTo(replay.path("recordedDigest"));
      assertThat(replay.path("requester").asText()).isEqualTo("alice");
      assertThat(replay.path("differences")).isEmpty();
      assertThat(replay.path("inputs").findValuesAsText("status")).containsOnly("same");
      assertThat(replay.path("inputs").findValuesAsText("input"))
          .contains(
              "release",
              "environment",
              "policies",
              "environments",
              "releases",
              "fingerprint",
              "trustedKeys");
    }
    assertThat(alice.get("api/v1/rollouts/ro-0000000000/replay")).isEmpty();
  }

  @Test
  void a_policy_revision_edited_in_the_database_makes_the_replay_differ_and_is_named() {
    Jdbi.create(server.services().database().dataSource())
        .useHandle(
            h ->
                h.execute(
                    "update revisions set document = replace(document, '\"approvals\":1',"
                        + " '\"approvals\":2') where name = 'dev-four-eyes'"));

    JsonNode replay = alice.get("api/v1/rollouts/" + v1 + "/replay").orElseThrow();

    assertThat(replay.path("same").asBoolean()).as(replay.toPrettyString()).isFalse();
    assertThat(replay.path("replayedDigest").asText())
        .isNotEqualTo(replay.path("recordedDigest").asText());
    List<String> changed = new ArrayList<>();
    replay
        .path("inputs")
        .forEach(
            input -> {
              if (input.path("status").asText().equals("changed")) {
                changed.add(input.path("input").asText() + "/" + input.path("name").asText());
              }
            });
    assertThat(changed).containsExactly("policies/dev-four-eyes");
    assertThat(replay.path("differences").findValuesAsText("path"))
        .anySatisfy(path -> assertThat(path).contains("policies"));
  }

  @Test
  void a_key_revoked_since_still_replays_as_trusted_then_and_an_edited_key_is_named()
      throws GeneralSecurityException {
    assertThat(admin.exchange("POST", "api/v1/keys/" + keyId + "/revoke", Map.of(), null).status())
        .isEqualTo(200);

    JsonNode replay = alice.get("api/v1/rollouts/" + v1 + "/replay").orElseThrow();
    assertThat(replay.path("same").asBoolean()).as(replay.toPrettyString()).isTrue();
    assertThat(statuses(replay, "trustedKeys")).containsExactly(keyId + "=same");

    String other = newPublicKey();
    Jdbi.create(server.services().database().dataSource())
        .useHandle(
            h ->
                h.createUpdate("update trusted_keys set public_key = :pem where key_id = :id")
                    .bind("pem", other)
                    .bind("id", keyId)
                    .execute());
    JsonNode edited = alice.get("api/v1/rollouts/" + v1 + "/replay").orElseThrow();
    assertThat(statuses(edited, "trustedKeys")).containsExactly(keyId + "=changed");
  }

  private static List<String> statuses(JsonNode replay, String input) {
    List<String> out = new ArrayList<>();
    replay
        .path("inputs")
        .forEach(
            i -> {
              if (i.path("input").asText().equals(input)) {
                out.add(i.path("name").asText() + "=" + i.path("status").asText());
              }
            });
    return out;
  }

  private static String newPublicKey() throws GeneralSecurityException {
    return PublicKeys.toPem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
  }

  private String deployApproved(String release) {
    JsonNode plan =
        alice.post(
            "api/v1/plans",
            JsonNodeFactory.instance
                .objectNode()
                .put("release", release)
                .put("environment", "dev"));
    assertThat(plan.path("state").asText()).as(plan.toString()).isEqualTo("awaiting-approval");
    String name = plan.path("name").asText();
    bob.post(
        "api/v1/plans/" + name + "/approvals",
        JsonNodeFactory.instance.objectNode().put("digest", plan.path("digest").asText()));
    return alice
        .post(
            "api/v1/deployments",
            JsonNodeFactory.instance
                .objectNode()
                .put("release", release)
                .put("environment", "dev")
                .put("plan", name))
        .path("id")
        .asText();
  }

  private void verb(String verb) {
    alice.post("api/v1/rollouts/" + v2 + "/" + verb, JsonNodeFactory.instance.objectNode());
  }

  private JsonNode await(String rollout, Predicate<JsonNode> until) throws InterruptedException {
    return new Rollouts(admin)
        .await(JsonNodeFactory.instance.objectNode().put("id", rollout), until);
  }

  private List<JsonNode> entries() {
    List<JsonNode> all = new ArrayList<>();
    admin.get("api/v1/ledger/entries?limit=1000").orElseThrow().path("items").forEach(all::add);
    return all;
  }

  private static Set<String> actors(List<JsonNode> entries, String type, String subject) {
    return new TreeSet<>(actorsInOrder(entries, type, subject));
  }

  private static List<String> actorsInOrder(List<JsonNode> entries, String type, String subject) {
    return entries.stream()
        .filter(e -> e.path("type").asText().equals(type))
        .filter(e -> subject.isEmpty() || e.path("subject").asText().equals(subject))
        .map(e -> e.path("actor").asText())
        .toList();
  }

  private static JsonNode first(List<JsonNode> entries, String type) {
    return entries.stream()
        .filter(e -> e.path("type").asText().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private String person(String name, Role role) {
    Principal first = Principal.local("admin");
    String token =
        server
            .services()
            .access()
            .createToken(first, name, Optional.empty(), Optional.empty(), "evidence")
            .text();
    server.services().access().grant(first, name, new Grant(role, LabelSelector.EVERYTHING));
    return token;
  }

  private ApiClient client(String token) {
    return new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(token));
  }

  private static NamedInput named(String name, String text) {
    return new NamedInput(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
