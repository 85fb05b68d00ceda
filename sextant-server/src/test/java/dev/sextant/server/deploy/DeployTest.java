package dev.sextant.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.access.Principal;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LastKnownGoodMarked;
import dev.sextant.server.store.RevisionMarked;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying through a real server: the sample service's jar run by the local target behind a real
 * HAProxy, rolled out by the API's verbs, its traffic counted from what clients get.
 */
class DeployTest {
  private static final String TOKEN = "sxt_the-deploy-tests-admin-token";
  private static final int REQUESTS = 40;

  /** setWeight 50, then a pause until resumed or promoted, then promote. */
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
        abort:
          onFailure: rollback
          progressDeadline: 2m
      """;

  /** setWeight 50, then an analysis of the canary's errors, then promote. */
  private static final String ANALYSED =
      """
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: analysed
      spec:
        canary:
          steps:
            - setWeight: 50
            - analysis:
                templates: [sample-errors]
            - promote: {}
        abort:
          onFailure: rollback
          progressDeadline: 1m
      """;

  /** Fails at one 500 a second on the canary, passes under one every two seconds. */
  private static final String ERRORS =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: sample-errors
      spec:
        metrics:
          - name: server-errors
            interval: 1s
            count: 3
            successCondition: result[0] < 0.5
            failureCondition: result[0] >= 1
            provider:
              scrape:
                path: /metrics
                metric: sample_requests_total
                labels:
                  code: "500"
      """;

  @TempDir Path home;
  private SextantServer server;
  private ApiClient api;
  private Rollouts rollouts;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("data")))
                .withFirstAdminToken(TOKEN));
    api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(TOKEN));
    rollouts = new Rollouts(api);
    SampleJar jar = SampleJar.built();
    apply(
        "environment.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: dev
        spec:
          target:
            type: local
        """);
    apply(
        "service.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: sample
        spec:
          owner: team-tests
        """);
    apply("strategy.yaml", PAUSE_AT_HALF);
    // An example policy that reads labels, which neither these releases nor dev have.
    apply("eu-data-residency.yaml", readExample("policies/eu-data-residency.yaml"));
    apply("strategy-analysis.yaml", ANALYSED);
    apply("template.yaml", ERRORS);
    apply("v1.yaml", jar.release("sample-v1", "1.0.0", "pause-at-half"));
    apply("v2.yaml", jar.release("sample-v2", "2.0.0", "pause-at-half"));
    apply("v3.yaml", jar.release("sample-v3", "3.0.0", "analysed", "--error-rate=0.5"));
    server.services().discovery().record("dev", Lab.host("x86_64"), "file:dev.yaml", "operator");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_first_deployment_serves_at_once_then_a_canary_shares_traffic_until_promoted()
      throws Exception {
    JsonNode first = rollouts.deploy("sample-v1");
    assertThat(first.path("canaryRevision").asText()).isEqualTo("sample-v1@1/jar");
    assertThat(first.path("stableRevision").asText()).isEmpty();
    JsonNode served = rollouts.await(first, r -> r.path("phase").asText().equals("succeeded"));
    String endpoint = served.path("endpoint").asText();
    assertThat(send(endpoint)).containsOnlyKeys("1.0.0");

    JsonNode canary = rollouts.deploy("sample-v2");
    JsonNode half =
        rollouts.await(
            canary,
            r -> r.path("phase").asText().equals("paused") && r.path("weight").asInt() == 50);
    assertThat(half.path("plan").asText()).startsWith("plan-");
    assertThat(send(endpoint)).containsOnlyKeys("1.0.0", "2.0.0");
    // HAProxy killed: the target starts it again, on the same port, with the canary's weight.
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().orElse("").endsWith("haproxy"))
        .forEach(ProcessHandle::destroyForcibly);
    awaitServing(endpoint);
    assertThat(send(endpoint)).containsOnlyKeys("1.0.0", "2.0.0");
    // One rollout of a service at a time in an environment.
    assertThatThrownBy(() -> rollouts.deploy("sample-v1"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e ->
                assertThat(e.getMessage())
                    .contains(canary.path("id").asText(), "one rollout at a time"));

    api.post("api/v1/rollouts/" + canary.path("id").asText() + "/promote", body());
    JsonNode done = rollouts.await(canary, r -> r.path("terminal").asBoolean());

    assertThat(done.path("phase").asText()).isEqualTo("succeeded");
    assertThat(send(endpoint)).containsOnlyKeys("2.0.0");
    assertThat(events(RevisionMarked.TYPE)).containsExactly("good", "good");
    assertThat(events(LastKnownGoodMarked.TYPE)).hasSize(2);
  }

  @Test
  void undo_goes_back_to_the_revision_before_and_refuses_a_bad_one_unless_forced()
      throws Exception {
    rollouts.await(rollouts.deploy("sample-v1"), r -> r.path("phase").asText().equals("succeeded"));
    JsonNode v2 = rollouts.deploy("sample-v2");
    rollouts.await(v2, r -> r.path("phase").asText().equals("paused"));
    api.post("api/v1/rollouts/" + v2.path("id").asText() + "/promote", body());
    String endpoint =
        rollouts.await(v2, r -> r.path("terminal").asBoolean()).path("endpoint").asText();
    // v1 again, with a deadline its pause cannot meet: it fails, v1 is marked bad, v2 serves on.
    apply("strategy.yaml", PAUSE_AT_HALF.replace("2m", "2s"));
    JsonNode again = rollouts.deploy("sample-v1");
    JsonNode failed = rollouts.await(again, DeployTest::rolledBack);
    assertThat(failed.path("phase").asText()).isEqualTo("failed");
    assertThat(failed.path("reason").asText()).contains("deadline");
    assertThat(send(endpoint)).containsOnlyKeys("2.0.0");

    assertThatThrownBy(() -> api.post("api/v1/environments/dev/services/sample/undo", body()))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e -> assertThat(e.getMessage()).contains("sample-v1@1/jar is marked bad", "--force"));
    assertThat(send(endpoint)).containsOnlyKeys("2.0.0");

    JsonNode undone =
        api.post("api/v1/environments/dev/services/sample/undo", body().put("force", true));

    assertThat(undone.path("id").asText()).isEqualTo(v2.path("id").asText());
    assertThat(undone.path("phase").asText()).isEqualTo("rolled-back");
    assertThat(send(endpoint)).containsOnlyKeys("1.0.0");
    // v1 was the first: there is nothing before it.
    assertThatThrownBy(() -> api.post("api/v1/environments/dev/services/sample/undo", body()))
        .isInstanceOfSatisfying(
            ApiProblem.class, e -> assertThat(e.getMessage()).contains("none before it"));
  }

  @Test
  void a_canary_whose_errors_fail_its_analysis_is_rolled_back_while_the_load_runs()
      throws Exception {
    String endpoint =
        rollouts
            .await(rollouts.deploy("sample-v1"), r -> r.path("phase").asText().equals("succeeded"))
            .path("endpoint")
            .asText();
    try (Load load = Load.on(URI.create(endpoint + "/"))) {
      JsonNode v3 = rollouts.deploy("sample-v3");
      JsonNode failed = rollouts.await(v3, DeployTest::rolledBack);

      assertThat(failed.path("phase").asText()).isEqualTo("failed");
      assertThat(failed.path("weight").asInt()).isZero();
      assertThat(failed.path("measurements"))
          .anySatisfy(m -> assertThat(m.path("verdict").asText()).isEqualTo("failed"));
      assertThat(failed.path("reason").asText()).contains("server-errors");
      assertThat(load.errors()).isPositive();
      // Traffic is back on v1: what the load sees from now on has no error.
      long before = load.errors();
      Thread.sleep(500);
      assertThat(load.errors()).isEqualTo(before);
      assertThat(send(endpoint)).containsOnlyKeys("1.0.0");
      assertThat(events(RevisionMarked.TYPE)).containsExactly("good", "bad");
    }
    String metrics = api.text("metrics");
    assertThat(metrics)
        .contains(
            "sextant_deployments_total{environment=\"dev\",outcome=\"failed\",service=\"sample\"} 1.0",
            "sextant_rollbacks_total{environment=\"dev\",outcome=\"failed\",service=\"sample\"} 1.0",
            "sextant_abort_latency_seconds_count{environment=\"dev\"} 1",
            "sextant_rollouts_paused 0.0");
  }

  @Test
  void an_approval_step_waits_for_another_person_than_the_one_who_deployed() throws Exception {
    apply(
        "approved.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Strategy
        metadata:
          name: approved
        spec:
          canary:
            steps:
              - setWeight: 50
              - approval:
                  approvers: [role:approver]
                  message: half the traffic is on the canary; promote?
              - promote: {}
        """);
    apply("v2-approved.yaml", SampleJar.built().release("sample-v2a", "2.1.0", "approved"));
    rollouts.await(rollouts.deploy("sample-v1"), r -> r.path("phase").asText().equals("succeeded"));
    JsonNode canary = rollouts.deploy("sample-v2a");
    rollouts.await(canary, r -> r.path("phase").asText().equals("awaiting-approval"));
    String approve = "api/v1/rollouts/" + canary.path("id").asText() + "/approve";

    assertThatThrownBy(() -> api.post(approve, body()))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage()).contains("another person must approve it");
            });
    Principal root = Principal.local("root");
    String bob =
        server
            .services()
            .access()
            .createToken(root, "bob", Optional.empty(), Optional.empty(), "approves")
            .text();
    server
        .services()
        .access()
        .grant(root, "bob", new Grant(Role.APPROVER, LabelSelector.EVERYTHING));
    new ApiClient(api.base(), Optional.of(bob)).post(approve, body());

    JsonNode done = rollouts.await(canary, r -> r.path("terminal").asBoolean());
    assertThat(done.path("phase").asText()).isEqualTo("succeeded");
    assertThat(
            api.get("api/v1/rollouts/" + canary.path("id").asText() + "/history")
                .orElseThrow()
                .path("items"))
        .anySatisfy(
            e -> {
              assertThat(e.path("event").asText()).isEqualTo("approved");
              assertThat(e.path("by").asText()).isEqualTo("bob");
            });
  }

  @Test
  void a_variant_given_only_as_an_image_is_refused_by_the_local_target_and_nothing_starts() {
    apply(
        "image.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: sample-image
        spec:
          service: sample
          version: 4.0.0
          variants:
            - name: image
              artifact:
                image: ghcr.io/acme/sample:4.0.0@sha256:040016979cca83fa22f80ce8d5e2c7835e9da267bd7c59efa1097fb460b56947
        """);

    assertThatThrownBy(() -> rollouts.deploy("sample-image"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage())
                  .contains("only an OCI image", "needs the Kubernetes target");
            });
    assertThat(api.get("api/v1/rollouts").orElseThrow().path("items")).isEmpty();
  }

  @Test
  void the_event_stream_sends_each_change_and_ends_with_the_outcome() throws Exception {
    JsonNode first = rollouts.deploy("sample-v1");
    List<String> seen = new ArrayList<>();
    api.stream(
        "api/v1/rollouts/" + first.path("id").asText() + "/events",
        event -> {
          seen.add(event.event() + ":" + phaseOf(event.data()));
          return !event.event().equals("end");
        });

    assertThat(seen.get(seen.size() - 1)).isEqualTo("end:succeeded");
    assertThat(seen).contains("rollout:succeeded");
  }

  /** Ended, and the target runs no canary any more: its commands have all been carried out. */
  private static boolean rolledBack(JsonNode rollout) {
    if (!rollout.path("terminal").asBoolean()) {
      return false;
    }
    for (JsonNode instance : rollout.path("instances")) {
      if (instance.path("track").asText().equals("canary")) {
        return false;
      }
    }
    return true;
  }

  private static String phaseOf(String data) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(data)
          .path("phase")
          .asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode body() {
    return JsonNodeFactory.instance.objectNode();
  }

  private void awaitServing(String endpoint) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException refused) {
        // not yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("HAProxy did not serve " + endpoint + " again within 20 s");
      }
      Thread.sleep(100);
    }
  }

  /** How many of {@link #REQUESTS} requests through HAProxy each version answered. */
  private Map<String, Integer> send(String endpoint) throws Exception {
    Map<String, Integer> answers = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint + "/")).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).isEqualTo(200);
      answers.merge(response.body().strip().replace("hello from sample ", ""), 1, Integer::sum);
    }
    return answers;
  }

  private List<String> events(String type) {
    return server.services().events(EventQuery.last(100).ofType(type)).stream()
        .map(e -> e.envelope().outcome())
        .toList();
  }

  private static String readExample(String file) {
    try {
      return java.nio.file.Files.readString(Path.of("..", "examples").resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void apply(String name, String text) {
    server
        .services()
        .resources()
        .apply(List.of(new Input(name, text.getBytes(StandardCharsets.UTF_8))), "test");
  }
}
