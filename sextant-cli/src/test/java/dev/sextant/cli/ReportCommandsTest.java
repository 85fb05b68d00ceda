package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant report delivery} through the root command against a real server that deploys the
 * sample service's jar with its local target: the first deployment succeeds, and the report shows
 * it with the figures it has and '-' for those it has no data for.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReportCommandsTest {
  private static final String ADMIN = "sxt_report-commands-test-admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String LAB =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: dev
      spec:
        target:
          type: local
      ---
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: sample
      spec:
        owner: team-tests
      ---
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: straight
      spec:
        canary:
          steps:
            - promote: {}
      """;

  private static final String OBSERVED =
      """
      collectedAt: 2026-12-06T09:00:00Z
      facts:
        cpu.arch: x86_64
      """;

  @TempDir Path home;
  @TempDir Path files;
  private SextantServer server;
  private Cli admin;

  @BeforeEach
  void start() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN));
    admin =
        Cli.withHome(home)
            .withEnv("SEXTANT_TOKEN", ADMIN)
            .withStoreArgs("--server", "http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_deployment_shows_in_the_delivery_report_as_a_table_and_as_json() throws Exception {
    Files.writeString(files.resolve("lab.yaml"), LAB);
    Files.writeString(
        files.resolve("v1.yaml"), SampleReleases.built().release("sample-v1", "1.0.0", "straight"));
    succeeds("apply", "-f", files.resolve("lab.yaml").toString());
    succeeds(
        "fingerprint",
        "--record",
        "dev",
        "-f",
        Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());
    Cli.Result empty = succeeds("report", "delivery");
    Cli.Result deployed =
        succeeds(
            "deploy", "-f", files.resolve("v1.yaml").toString(), "--environment", "dev", "--watch");
    assertThat(deployed.out()).contains(" succeeded");

    Cli.Result table = succeeds("report", "delivery", "--window", "7d");
    JsonNode json =
        JSON.readTree(succeeds("report", "delivery", "--service", "sample", "-o", "json").out());
    Cli.Result otherService = succeeds("report", "delivery", "--service", "checkout");

    assertThat(empty.out()).contains("No rollout finished in this window.");
    assertThat(table.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith("ENVIRONMENT").contains("LEAD TIME p50"))
        // one deployment, no failure, nothing to restore
        .anySatisfy(line -> assertThat(line).matches("dev +sample +1 +0\\.14 .* 0% \\(0/1\\) +-"));
    JsonNode sample = json.path("items").path(0);
    assertThat(sample.path("environment").asText()).isEqualTo("dev");
    assertThat(sample.path("deployments").asInt()).isEqualTo(1);
    assertThat(sample.path("deploymentsPerDay").asDouble()).isEqualTo(1.0 / 30);
    assertThat(sample.path("leadTimeMedianSeconds").asDouble()).isPositive();
    assertThat(sample.path("changeFailureRate").asDouble()).isZero();
    assertThat(sample.has("timeToRestoreMedianSeconds")).as("no data, so absent").isFalse();
    assertThat(otherService.out()).contains("No rollout finished in this window.");
  }

  @Test
  void a_bad_window_is_invalid_input_that_says_what_is_expected() {
    Cli.Result result = admin.store("report", "delivery", "--window", "a month");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("--window: window 'a month' is not a length of time (expected e.g. 30d")
        .doesNotContain("\tat ");
  }

  @Test
  void the_help_teaches_the_four_figures_with_examples() {
    Cli.Result result = Cli.withHome(home).run("report", "delivery", "--help");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Usage: sextant report delivery")
        .contains("LEAD TIME", "CHANGE FAIL", "RESTORE", "DEPLOYS/DAY")
        .contains("Exit codes:")
        .contains("  sextant report delivery --environment prod-eu --window 7d");
  }

  private Cli.Result succeeds(String... args) {
    Cli.Result result = admin.store(args);
    assertThat(result.code()).as(result.toString()).isZero();
    return result;
  }
}
