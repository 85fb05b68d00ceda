package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.KeyRevoked;
import dev.sextant.server.store.KeyTrusted;
import dev.sextant.server.trust.Evidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust store through the real API: trust, list and revoke, with their status codes. */
class KeyApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> AS_JSON = Map.of("Content-Type", "application/json");

  @TempDir Path home;
  private Services services;
  private ApiServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    Database database = Database.h2(home.resolve("store"), Clock.systemUTC());
    services = Services.on(database, AgentTokens.of("lab-token"), Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = Admin.client(database, server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  @Test
  void a_key_is_trusted_with_201_then_200_listed_and_revoked_by_prefix() throws Exception {
    KeyPair keys = Evidence.ed25519();
    String id = Evidence.id(keys);

    ApiResponse first = trust(Evidence.pem(keys), "release CI");
    ApiResponse again = trust(Evidence.pem(keys), "release CI");
    ApiResponse revoked =
        api.exchange("POST", "api/v1/keys/" + id.substring(0, 10) + "/revoke", Map.of(), null);
    JsonNode list = api.get("api/v1/keys").orElseThrow();

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(JSON.readTree(first.body()).path("id").asText()).isEqualTo(id);
    assertThat(again.status()).isEqualTo(200);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(JSON.readTree(revoked.body()).path("state").asText()).isEqualTo("revoked");
    assertThat(list.path("items")).hasSize(1);
    assertThat(list.path("items").path(0).path("state").asText()).isEqualTo("revoked");
    assertThat(list.path("items").path(0).path("revokedBy").asText()).isNotEmpty();
    assertThat(list.path("digest").asText()).startsWith("sha256:");
    assertThat(services.events(EventQuery.last(100)))
        .extracting(e -> e.envelope().type())
        .containsSubsequence(KeyTrusted.TYPE, KeyRevoked.TYPE)
        .filteredOn(KeyTrusted.TYPE::equals)
        .hasSize(1);
  }

  @Test
  void text_that_is_no_public_key_is_a_400_problem_that_changes_nothing() throws Exception {
    long before = services.lastEvent();

    ApiResponse refused =
        trust(
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
            "x");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().get("content-type"))
        .anySatisfy(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(refused.body()).path("detail").asText())
        .startsWith("publicKey: expected a PEM public key")
        .doesNotContain("MC4CAQAw");
    assertThat(services.lastEvent()).isEqualTo(before);
    assertThat(api.get("api/v1/keys").orElseThrow().path("items")).isEmpty();
  }

  @Test
  void revoking_an_unknown_or_malformed_id_says_so() {
    ApiResponse unknown =
        api.exchange("POST", "api/v1/keys/0123456789abcdef/revoke", Map.of(), null);
    ApiResponse malformed = api.exchange("POST", "api/v1/keys/xyz/revoke", Map.of(), null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no trusted key 0123456789abcdef");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("8 to 64 lower-case hex digits");
  }

  private ApiResponse trust(String pem, String name) {
    byte[] body =
        JsonNodeFactory.instance
            .objectNode()
            .put("publicKey", pem)
            .put("name", name)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return api.exchange("POST", "api/v1/keys", AS_JSON, body);
  }
}
