package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deploy and rollout commands report what the API answers for the same request: its detail, and
 * the exit code of its status.
 */
class RolloutSameErrorsTest {
  private static final String ADMIN = "sxt_rollout-same-errors-test-admin";

  @TempDir static Path serverHome;
  @TempDir Path home;

  private static SextantServer server;

  @BeforeAll
  static void start() {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(serverHome))
                .withFirstAdminToken(ADMIN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of(
            "deploy nope --environment dev",
            "POST",
            "/api/v1/deployments",
            "{\"release\": \"nope\", \"environment\": \"dev\"}"),
        Arguments.of("rollout status ro_1", "GET", "/api/v1/rollouts/ro_1", ""),
        Arguments.of(
            "rollout pause ro-0000000000", "POST", "/api/v1/rollouts/ro-0000000000/pause", ""),
        Arguments.of(
            "rollout abort ro-0000000000 --reason why",
            "POST",
            "/api/v1/rollouts/ro-0000000000/abort",
            "{\"reason\": \"why\"}"),
        Arguments.of("rollout list --limit 0", "GET", "/api/v1/rollouts?limit=0", ""),
        Arguments.of(
            "rollout logs ro-0000000000 --tail 0",
            "GET",
            "/api/v1/rollouts/ro-0000000000/logs?tail=0",
            ""),
        Arguments.of(
            "rollout undo sample --environment dev",
            "POST",
            "/api/v1/environments/dev/services/sample/undo",
            "{\"force\": false}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void the_cli_says_what_the_api_answers(String command, String method, String path, String body) {
    ApiResponse api =
        new ApiClient(URI.create(url()), Optional.of(ADMIN))
            .exchange(
                method,
                path,
                body.isEmpty() ? Map.of() : Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    String[] args = (command + " --server " + url()).split(" ");
    Cli.Result cli = Cli.withHome(home).withEnv("SEXTANT_TOKEN", ADMIN).run(args);

    assertThat(api.status()).as(api.toString()).isBetween(400, 499);
    assertThat(cli.code())
        .as(cli.toString())
        .isEqualTo(api.status() == 404 ? ExitCode.NOT_FOUND : ExitCode.INVALID_INPUT);
    assertThat(cli.err().strip())
        .startsWith("error: ")
        .endsWith(api.json().path("detail").asText())
        .doesNotContain("\tat ");
  }

  private static String url() {
    return "http://127.0.0.1:" + server.port();
  }
}
