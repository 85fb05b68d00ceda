package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API and the CLI report the same problems, at the same places, for the same bad file. */
class SameErrorsTest {
  @TempDir static Path serverHome;
  @TempDir Path home;

  private static final String ADMIN = "sxt_same-errors-test-admin";

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yaml-bad-indentation.yaml", "duplicate-key-nested.yaml", "bomb-billion-laughs.yaml",
        "utf8-latin1-e-acute.yaml", "empty.yaml", "tag-python-object.yaml"
      })
  void for_reader_problems(String file) throws Exception {
    assertSameProblems(ValidateCommandTest.CORPUS.resolve(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"drfit: block", "drift: blok", "name: Prod_EU", "kind: Enviroment"})
  void for_resource_problems(String edit) throws Exception {
    String original =
        Files.readString(ValidateCommandTest.EXAMPLES.resolve("environments/prod-eu.yaml"));
    String broken =
        switch (edit.substring(0, edit.indexOf(':'))) {
          case "name" -> original.replace("name: prod-eu", edit);
          case "kind" -> original.replace("kind: Environment", edit);
          default -> original.replace("drift: block", edit);
        };
    assertThat(broken).isNotEqualTo(original);
    assertSameProblems(Files.writeString(home.resolve("prod-eu.yaml"), broken));
  }

  private void assertSameProblems(Path file) throws Exception {
    List<String> local = problemLines(Cli.withHome(home).run("validate", "-f", file.toString()));
    List<String> viaServer =
        problemLines(
            Cli.withHome(home)
                .withEnv("SEXTANT_TOKEN", ADMIN)
                .run(
                    "apply",
                    "-f",
                    file.toString(),
                    "--server",
                    "http://127.0.0.1:" + server.port()));
    List<String> fromApi = apiProblems(file);

    assertThat(local).isNotEmpty();
    assertThat(viaServer).isEqualTo(local);
    assertThat(fromApi).isEqualTo(local);
  }

  private static List<String> problemLines(Cli.Result result) {
    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    return result.err().lines().filter(line -> !line.startsWith("error: ")).toList();
  }

  private static List<String> apiProblems(Path file) throws Exception {
    ApiResponse response =
        new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(ADMIN))
            .exchange(
                "POST",
                "/api/v1/apply",
                Map.of("Content-Type", "application/yaml", "X-Sextant-Source", file.toString()),
                Files.readAllBytes(file));
    assertThat(response.status()).isEqualTo(422);
    JsonNode body = response.json();
    List<String> lines = new ArrayList<>();
    body.get("problems").forEach(p -> lines.add(p.get("text").asText()));
    return lines;
  }
}
