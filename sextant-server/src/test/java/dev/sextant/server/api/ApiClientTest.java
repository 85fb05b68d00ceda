package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.ApiResponse;
import dev.sextant.api.ProblemKind;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApiClient#exchange} and {@link ApiClient#healthy} against a real server. */
class ApiClientTest {
  private static final String TOKEN = "client-test-token";

  @TempDir Path home;
  private Services services;
  private ApiServer server;
  private ApiClient api;
  private volatile boolean slow;

  @BeforeEach
  void start() {
    services =
        Services.on(Database.h2(home, Clock.systemUTC()), AgentTokens.of(TOKEN), Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = Admin.client(services.database(), server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  @Test
  void exchange_returns_a_success_with_its_status_headers_and_json() {
    ApiResponse applied =
        api.exchange(
            "POST",
            "/api/v1/apply",
            Map.of("Content-Type", "application/yaml", "X-Sextant-Source", "service.yaml"),
            ApiServerTest.SERVICE.getBytes(StandardCharsets.UTF_8));
    ApiResponse read = api.exchange("GET", "/api/v1/services/payments-api", Map.of(), null);

    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    assertThat(applied.json().at("/results/0/change").asText()).isEqualTo("created");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(read.header("CONTENT-TYPE")).isEqualTo(read.header("Content-Type"));
    assertThat(read.header("X-Not-There")).isEmpty();
    assertThat(read.json().at("/metadata/name").asText()).isEqualTo("payments-api");
  }

  @Test
  void exchange_returns_a_problem_as_it_came_and_does_not_throw() {
    ApiResponse missing = api.exchange("GET", "/api/v1/services/missing", Map.of(), null);
    ApiResponse wrongMethod = api.exchange("DELETE", "/api/v1/apply", Map.of(), null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
    assertThat(missing.json().get("type").asText()).endsWith("/not-found");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void a_header_given_to_exchange_replaces_the_clients_token() {
    ApiClient withToken = new ApiClient(base(server.port()), Optional.of(TOKEN));
    byte[] agent =
        "{\"name\": \"a\", \"environment\": \"nowhere\", \"publicKey\": \"x\"}"
            .getBytes(StandardCharsets.UTF_8);

    ApiResponse wrong =
        withToken.exchange(
            "POST",
            "/api/v1/agents",
            Map.of("Content-Type", "application/json", "Authorization", "Bearer guess"),
            agent);
    ApiResponse own =
        withToken.exchange(
            "POST", "/api/v1/agents", Map.of("Content-Type", "application/json"), agent);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(own.status()).as(own.toString()).isNotEqualTo(401);
  }

  @Test
  void exchange_throws_only_when_no_answer_came() throws IOException {
    ApiClient nobody = new ApiClient(base(freePort()), Optional.empty());

    assertThatThrownBy(() -> nobody.exchange("GET", "/healthz", Map.of(), null))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isZero();
              assertThat(problem.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
            });
  }

  @Test
  void json_of_a_body_that_is_not_json_says_so() {
    ApiResponse metrics = api.exchange("GET", "/metrics", Map.of(), null);

    assertThat(metrics.status()).isEqualTo(200);
    assertThatThrownBy(metrics::json)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not JSON (HTTP 200)");
  }

  @Test
  void healthy_is_true_only_for_a_200_from_healthz_in_time() throws Exception {
    assertThat(api.healthy(Duration.ofSeconds(2))).isTrue();
    assertThat(new ApiClient(base(freePort()), Optional.empty()).healthy(Duration.ofSeconds(2)))
        .isFalse();

    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext(
        "/healthz",
        exchange -> {
          try {
            if (slow) {
              Thread.sleep(3_000);
            }
            exchange.sendResponseHeaders(slow ? 200 : 503, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    other.start();
    try {
      ApiClient unhealthy = new ApiClient(base(other.getAddress().getPort()), Optional.empty());
      assertThat(unhealthy.healthy(Duration.ofSeconds(2))).as("503").isFalse();
      slow = true;
      long start = System.nanoTime();
      assertThat(unhealthy.healthy(Duration.ofMillis(300))).as("a 200 too late").isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    } finally {
      other.stop(0);
    }
  }

  private static URI base(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
