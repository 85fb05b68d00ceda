package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EventQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents register and report signed fingerprints; the server refuses anything it cannot trust. */
class DiscoveryApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-agent-token";
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: gpu-lab
      spec:
        target:
          type: agent
        facts:
          gpu.driver.version: 535.104.05
        drift: block
      """;

  @TempDir Path home;
  private Services services;
  private ApiServer server;
  private ApiClient api;
  private final KeyPair keys = SigningKeys.generate(new SecureRandom());

  @BeforeEach
  void start() throws Exception {
    services =
        Services.on(Database.h2(home, Clock.systemUTC()), AgentTokens.of(TOKEN), Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = Admin.client(services.database(), server.port());
    ApiResponse apply =
        api.exchange(
            "POST",
            "/api/v1/apply",
            Map.of("Content-Type", "application/yaml"),
            ENVIRONMENT.getBytes(StandardCharsets.UTF_8));
    assertThat(apply.status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  @Test
  void an_agent_registers_once_and_reports_a_revision_only_when_its_digest_changes()
      throws Exception {
    assertThat(register("lab-1", keys).status()).isEqualTo(201);
    assertThat(register("lab-1", keys).status()).isEqualTo(200);

    JsonNode first = json(report("lab-1", signed(keys, "550.54.15")));
    JsonNode again = json(report("lab-1", signed(keys, "550.54.15")));
    JsonNode changed = json(report("lab-1", signed(keys, "555.42.06")));

    assertThat(first.get("change").asText()).isEqualTo("recorded");
    assertThat(again.get("change").asText()).isEqualTo("unchanged");
    assertThat(again.get("revision").asLong()).isEqualTo(1);
    assertThat(changed.get("revision").asLong()).isEqualTo(2);
    assertThat(json(get("/api/v1/environments/gpu-lab/fingerprints")).get("items")).hasSize(2);
  }

  @Test
  void a_tampered_report_is_refused_with_403_stored_nowhere_and_logged() throws Exception {
    register("lab-1", keys);
    ObjectNode report = (ObjectNode) JSON.readTree(signed(keys, "550.54.15"));
    ((ObjectNode) report.get("facts"))
        .set(
            "gpu.driver.version",
            JSON.createObjectNode().put("type", "version").put("value", "999.0"));
    report.remove("digests");

    ApiResponse response = report("lab-1", JSON.writeValueAsString(report));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.header("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
    assertThat(json(response).get("detail").asText()).contains("signature");
    assertThat(get("/api/v1/environments/gpu-lab/fingerprints").status()).isEqualTo(404);
    assertThat(services.events(EventQuery.last(10).ofType("fingerprint.rejected"))).hasSize(1);
  }

  @Test
  void a_report_signed_by_another_key_is_refused() throws Exception {
    register("lab-1", keys);

    ApiResponse response =
        report("lab-1", signed(SigningKeys.generate(new SecureRandom()), "550.54.15"));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void unknown_agents_wrong_tokens_and_malformed_reports_are_refused() throws Exception {
    register("lab-1", keys);

    assertThat(report("ghost", signed(keys, "550.54.15")).status()).isEqualTo(404);
    assertThat(
            send("/api/v1/agents/lab-1/fingerprints", signed(keys, "550.54.15"), "guess-xyz-123")
                .status())
        .isEqualTo(401);
    assertThat(send("/api/v1/agents/lab-1/fingerprints", signed(keys, "550.54.15"), null).status())
        .isEqualTo(401);
    ApiResponse malformed = report("lab-1", "{\"facts\": {\"memory.total\": \"lots\"}}");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(json(malformed).at("/problems/0/text").asText()).startsWith("<report>:1:");
    assertThat(get("/api/v1/environments/gpu-lab/fingerprints").status()).isEqualTo(404);
    List<String> outcomes = new ArrayList<>();
    services
        .events(EventQuery.last(20).ofType("fingerprint.rejected"))
        .forEach(e -> outcomes.add(e.envelope().reason().orElse("")));
    assertThat(outcomes)
        .hasSize(4)
        .noneMatch(reason -> reason.contains("guess-xyz-123") || reason.contains(TOKEN));
  }

  @Test
  void a_known_name_with_another_key_or_an_undeclared_environment_is_refused() throws Exception {
    register("lab-1", keys);

    assertThat(register("lab-1", SigningKeys.generate(new SecureRandom())).status()).isEqualTo(409);
    assertThat(
            post(
                    "/api/v1/agents",
                    JSON.createObjectNode()
                        .put("name", "x")
                        .put("environment", "nowhere")
                        .put("publicKey", SigningKeys.encodePublic(keys.getPublic()))
                        .toString(),
                    TOKEN)
                .status())
        .isEqualTo(404);
  }

  @Test
  void a_new_fingerprint_is_checked_for_drift_and_a_blocking_report_is_stored() throws Exception {
    register("lab-1", keys);
    report("lab-1", signed(keys, "550.54.15"));

    JsonNode drift = json(get("/api/v1/environments/gpu-lab/drift"));
    JsonNode reports = json(get("/api/v1/environments/gpu-lab/drift/reports"));

    assertThat(drift.get("drifted").asBoolean()).isTrue();
    assertThat(drift.get("blocked").asBoolean()).isTrue();
    assertThat(drift.at("/declared/changes")).hasSize(1);
    assertThat(drift.at("/declared/changes/0/key").asText()).isEqualTo("gpu.driver.version");
    assertThat(reports.get("items")).hasSize(1);
    assertThat(reports.at("/items/0/action").asText()).isEqualTo("block");
    assertThat(json(get("/api/v1/events?type=drift.detected")).get("items")).hasSize(1);
    ApiResponse metrics = get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "sextant_drift_detected_total{action=\"block\",environment=\"gpu-lab\",kind=\"declared\"} 1.0")
        .contains("jvm_memory_used_bytes");
  }

  private String signed(KeyPair signer, String driver) {
    Fingerprint fingerprint =
        Fingerprint.of(
                Map.of(
                    "gpu.driver.version",
                    new Fact.Version(driver),
                    "cpu.arch",
                    new Fact.Text("x86_64")))
            .collectedAt(Instant.parse("2026-11-20T09:00:00Z"))
            .describing("gpu-lab");
    return FingerprintFiles.json(new FingerprintSigner(signer).sign(fingerprint));
  }

  private ApiResponse register(String name, KeyPair pair) throws Exception {
    return post(
        "/api/v1/agents",
        JSON.createObjectNode()
            .put("name", name)
            .put("environment", "gpu-lab")
            .put("publicKey", SigningKeys.encodePublic(pair.getPublic()))
            .toString(),
        TOKEN);
  }

  private ApiResponse report(String agent, String body) throws Exception {
    return send("/api/v1/agents/" + agent + "/fingerprints", body, TOKEN);
  }

  private ApiResponse send(String path, String body, String token) throws Exception {
    return post(path, body, token);
  }

  private ApiResponse post(String path, String body, String token) throws Exception {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return api.exchange("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse get(String path) throws Exception {
    return api.exchange("GET", path, Map.of(), null);
  }

  private static JsonNode json(ApiResponse response) {
    return response.json();
  }
}
