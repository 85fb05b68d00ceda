package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.Services;
import dev.sextant.server.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API over a real HTTP server on a random loopback port and a real embedded store. */
class ApiServerTest {
  static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: payments-api
        labels:
          domain: payments
      spec:
        description: Authorises, captures and refunds card payments.
        owner: team-payments
      """;

  @TempDir Path home;
  private Database database;
  private ApiServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    database = Database.h2(home, Clock.systemUTC());
    server = ApiServer.start(Services.local(database), "127.0.0.1", 0);
    api = Admin.client(database, server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    database.close();
  }

  @Test
  void health_and_readiness_answer() throws Exception {
    assertThat(get("/healthz").status()).isEqualTo(200);
    ApiResponse ready = get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(json(ready).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void readiness_fails_when_the_store_is_gone() throws Exception {
    database.close();

    ApiResponse ready = get("/readyz");

    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.header("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
  }

  @Test
  void applying_twice_creates_one_revision_and_a_change_creates_a_second() throws Exception {
    JsonNode first = json(apply(SERVICE, "service.yaml"));
    JsonNode second = json(apply(SERVICE, "service.yaml"));
    JsonNode third = json(apply(SERVICE.replace("team-payments", "team-billing"), "service.yaml"));

    assertThat(first.at("/results/0/change").asText()).isEqualTo("created");
    assertThat(second.at("/results/0/change").asText()).isEqualTo("unchanged");
    assertThat(third.at("/results/0/change").asText()).isEqualTo("configured");
    assertThat(third.at("/results/0/revision").asLong()).isEqualTo(2);
    JsonNode history = json(get("/api/v1/services/payments-api/revisions"));
    assertThat(history.get("items")).hasSize(2);
    JsonNode one = json(get("/api/v1/services/payments-api/revisions/1"));
    assertThat(one.at("/spec/owner").asText()).isEqualTo("team-payments");
    assertThat(one.at("/status/digest")).isEqualTo(first.at("/results/0/digest"));
    assertThat(json(get("/api/v1/services/payments-api")).at("/status/revision").asLong())
        .isEqualTo(2);
  }

  @Test
  void lists_filter_by_kind_and_label_selector() throws Exception {
    apply(
        SERVICE
            + "---\n"
            + SERVICE
                .replace("payments-api", "ledger")
                .replace("domain: payments", "domain: finance"),
        "two.yaml");

    JsonNode byLabel =
        json(
            get(
                "/api/v1/services?labelSelector="
                    + URLEncoder.encode("domain in (finance)", StandardCharsets.UTF_8)));
    JsonNode all = json(get("/api/v1/resources"));
    JsonNode releases = json(get("/api/v1/resources?kind=Release"));

    assertThat(byLabel.get("items")).hasSize(1);
    assertThat(byLabel.at("/items/0/metadata/name").asText()).isEqualTo("ledger");
    assertThat(all.get("items")).hasSize(2);
    assertThat(releases.get("items")).isEmpty();
  }

  @Test
  void invalid_input_is_422_problem_json_with_positions_and_changes_nothing() throws Exception {
    ApiResponse response = apply(SERVICE.replace("owner:", "ownr:"), "bad.yaml");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText())
        .isEqualTo("https://sextant.dev/problems/invalid-input");
    assertThat(problem.get("problems"))
        .extracting(p -> p.get("text").asText())
        .containsExactly(
            "bad.yaml:8:3: spec.owner: required field is missing",
            "bad.yaml:9:3: spec.ownr: unknown field \"ownr\"; did you mean \"owner\"?");
    JsonNode unknown = problem.at("/problems/1");
    assertThat(unknown.get("source").asText()).isEqualTo("bad.yaml");
    assertThat(unknown.get("line").asInt()).isEqualTo(9);
    assertThat(unknown.get("column").asInt()).isEqualTo(3);
    assertThat(unknown.get("field").asText()).isEqualTo("spec.ownr");
    assertThat(get("/api/v1/services/payments-api").status()).isEqualTo(404);
  }

  /** What plan would refuse: each a line of a real example changed, and where the problem is. */
  static Stream<Arguments> refusedAsPlanWould() {
    String release = "releases/fraud-detector-1.4.0.yaml";
    String policy = "policies/prod-signed-releases.yaml";
    return Stream.of(
        Arguments.of(
            release,
            "rule: cuda\n",
            "rule: cudaa\n",
            "42:17: spec.variants[0].requirements[0].rule: no validator for rule \"cudaa\""),
        Arguments.of(
            release,
            "toolkit: \"12.4\"",
            "toolkit: 12.10",
            "45:22: spec.variants[0].requirements[0].with.toolkit: rule cuda: toolkit is the number 12.10"),
        Arguments.of(
            release,
            "footprint: 14Gi",
            "footprint: 40Gigs",
            "54:24: spec.variants[0].requirements[2].with.footprint: rule gpuMemory: footprint \"40Gigs\""),
        Arguments.of(
            release,
            "range: \">=3.11,<3.12\"",
            "range: \">=3.10,,<<3.12\"",
            "62:18: spec.variants[0].requirements[4].range: range on python.version"),
        Arguments.of(
            release,
            "min: \"8.0\"",
            "min: \"eight\"",
            "49:18: spec.variants[0].requirements[1].with.min: rule computeCapability: min is \"eight\""),
        Arguments.of(
            release,
            "expr: gpu[0].memory / 2Gi",
            "expr: gpu[0].memory / / 2Gi",
            "67:17: spec.variants[0].parameters.batchSize.expr: parameter batchSize"),
        Arguments.of(
            release,
            "        - fact: cpu.arch\n",
            "        - cel: nosuch(facts[\"cpu.cores\"])\n        - fact: cpu.arch\n",
            "83:16: spec.variants[1].requirements[0].cel: CEL expression"),
        Arguments.of(
            policy,
            "has(release.spec.provenance) && has",
            "has(release.spec.provenance) &&& has",
            "13:9: spec.rule: CEL expression"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("refusedAsPlanWould")
  void apply_refuses_what_plan_would_with_422_and_stores_nothing(
      String example, String from, String to, String expected) throws Exception {
    String text = Files.readString(Path.of("..", "examples", example), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    String changed = text.replace(from, to);

    ApiResponse dryRun = post("/api/v1/apply?dryRun=true", changed, "application/yaml", "bad.yaml");
    ApiResponse response = apply(changed, "bad.yaml");

    for (ApiResponse refused : List.of(dryRun, response)) {
      assertThat(refused.status()).isEqualTo(422);
      assertThat(json(refused).get("problems"))
          .extracting(p -> p.get("text").asText())
          .singleElement()
          .asString()
          .startsWith("bad.yaml:" + expected);
    }
    assertThat(json(get("/api/v1/resources")).get("items")).isEmpty();
  }

  @Test
  void dry_run_validates_without_storing() throws Exception {
    ApiResponse response =
        post("/api/v1/apply?dryRun=true", SERVICE, "application/yaml", "service.yaml");

    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response).get("valid").asBoolean()).isTrue();
    assertThat(get("/api/v1/services/payments-api").status()).isEqualTo(404);
  }

  @Test
  void a_body_over_the_limit_is_413() throws Exception {
    String huge = "#".repeat(9 << 20);

    ApiResponse response = post("/api/v1/apply", huge, "application/yaml", "huge.yaml");

    assertThat(response.status()).isEqualTo(413);
    assertThat(json(response).get("status").asInt()).isEqualTo(413);
  }

  @Test
  void unknown_routes_kinds_and_resources_are_404_problem_json() throws Exception {
    for (String path :
        new String[] {
          "/nope",
          "/api/v1/widgets",
          "/api/v1/services/missing",
          "/api/v1/services/missing/revisions",
          "/api/v1/schemas/Widget"
        }) {
      ApiResponse response = get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.header("Content-Type")).as(path).hasValue(ProblemJson.MEDIA_TYPE);
      assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }
  }

  @Test
  void a_bad_revision_number_or_selector_is_a_client_error() throws Exception {
    apply(SERVICE, "service.yaml");

    assertThat(get("/api/v1/services/payments-api/revisions/first").status()).isEqualTo(400);
    assertThat(
            get("/api/v1/services?labelSelector="
                    + URLEncoder.encode("a in b", StandardCharsets.UTF_8))
                .status())
        .isEqualTo(422);
  }

  @Test
  void schemas_and_the_openapi_document_are_served() throws Exception {
    JsonNode schema = json(get("/api/v1/schemas/Release"));
    JsonNode byPlural = json(get("/api/v1/schemas/releases"));
    JsonNode openApi = json(get("/api/v1/openapi.json"));

    assertThat(schema.get("$schema").asText()).contains("2020-12");
    assertThat(byPlural).isEqualTo(schema);
    assertThat(openApi.get("openapi").asText()).startsWith("3.1");
    assertThat(openApi.get("paths").has("/api/v1/apply")).isTrue();
  }

  private ApiResponse apply(String body, String source) throws Exception {
    return post("/api/v1/apply", body, "application/yaml", source);
  }

  private ApiResponse post(String path, String body, String contentType, String source)
      throws Exception {
    return api.exchange(
        "POST",
        path,
        Map.of("Content-Type", contentType, "X-Sextant-Source", source),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse get(String path) throws Exception {
    return api.exchange("GET", path, Map.of(), null);
  }

  private static JsonNode json(ApiResponse response) {
    return response.json();
  }
}
