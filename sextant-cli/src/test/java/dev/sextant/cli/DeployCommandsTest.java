package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApiClient;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant deploy} and {@code sextant rollout} through the root command against a real
 * server, whose local target runs the sample service's jar behind a real HAProxy: a canary that
 * pauses at half the traffic is watched in the background while it is promoted or aborted.
 */
// A stream waited on never ends by itself when the rollout stalls: the test does, failing.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DeployCommandsTest {
  private static final String ADMIN = "sxt_deploy-commands-test-admin";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STARTED = Pattern.compile("rollout (ro-\\w+) started");

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
          progressDeadline: 5m
      """;

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
  private String url;

  @BeforeEach
  void start() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN));
    url = "http://127.0.0.1:" + server.port();
    admin = Cli.withHome(home).withEnv("SEXTANT_TOKEN", ADMIN).withStoreArgs("--server", url);
    SampleReleases sample = SampleReleases.built();
    Files.writeString(files.resolve("lab.yaml"), LAB);
    Files.writeString(files.resolve("strategy.yaml"), PAUSE_AT_HALF);
    Files.writeString(
        files.resolve("v1.yaml"), sample.release("sample-v1", "1.0.0", "pause-at-half"));
    Files.writeString(
        files.resolve("v2.yaml"), sample.release("sample-v2", "2.0.0", "pause-at-half"));
    succeeds(
        "apply",
        "-f",
        files.resolve("lab.yaml").toString(),
        "-f",
        files.resolve("strategy.yaml").toString());
    succeeds(
        "fingerprint",
        "--record",
        "dev",
        "-f",
        Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_canary_watched_in_the_background_pauses_at_half_and_succeeds_when_promoted()
      throws Exception {
    // The first deployment of a service has nothing to be a canary of: it serves at once.
    Cli.Result first =
        admin.store(
            "deploy", "-f", files.resolve("v1.yaml").toString(), "--environment", "dev", "--watch");
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).contains("sample-v1 to dev").contains(" succeeded");

    String id =
        started(
            admin.store(
                "deploy", "-f", files.resolve("v2.yaml").toString(), "--environment", "dev"));
    CompletableFuture<Cli.Result> watch =
        CompletableFuture.supplyAsync(() -> admin.store("rollout", "watch", id));
    JsonNode paused = await(id, DeployCommandsTest::isPaused);
    assertThat(paused.path("weight").asInt()).isEqualTo(50);

    Cli.Result another = admin.store("deploy", "sample-v1", "--environment", "dev");
    Cli.Result retry = admin.store("rollout", "retry", id);
    Cli.Result promoted = admin.store("rollout", "promote", id, "--reason", "looks good");
    Cli.Result watched = watch.get(60, TimeUnit.SECONDS);

    assertThat(another.code()).as(another.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(another.err()).contains("409").contains(id);
    assertThat(retry.code()).as(retry.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(retry.err()).contains("409").contains("paused").doesNotContain("\tat ");
    assertThat(promoted.code()).as(promoted.toString()).isZero();
    assertThat(watched.code()).as(watched.toString()).isZero();
    assertThat(watched.out())
        .contains("paused, step 2/3 pause, canary weight 50%")
        .containsPattern("canary-\\d+ sample-v2@1/jar ready")
        .endsWith(id + " succeeded\n");

    Cli.Result history = admin.store("rollout", "history", id);
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out().lines())
        .anySatisfy(line -> assertThat(line).contains("started"))
        .anySatisfy(line -> assertThat(line).containsPattern("promote.* admin "));
    Cli.Result list = admin.store("rollout", "list", "--environment", "dev");
    assertThat(list.out().lines().skip(1).findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith(id));
    assertThat(list.out().lines()).hasSize(3);
    Cli.Result status = admin.store("rollout", "status", id, "-o", "json");
    assertThat(JSON.readTree(status.out()).path("phase").asText()).isEqualTo("succeeded");
    Cli.Result replay = admin.store("audit", "replay", "--rollout", id);
    assertThat(replay.code()).as(replay.toString()).isZero();
    assertThat(replay.out())
        .containsPattern("recorded plan digest (sha256:[0-9a-f]{64})\nreplayed plan digest \\1")
        .contains("same plan digest");
    Cli.Result replayed = admin.store("audit", "replay", "--rollout", id, "-o", "json");
    assertThat(JSON.readTree(replayed.out()).path("same").asBoolean()).isTrue();
    Cli.Result logs = admin.store("rollout", "logs", id, "--tail", "5");
    assertThat(logs.code()).as(logs.toString()).isZero();
    // Every instance's lines, each named: the sample service says where it listens.
    assertThat(logs.out().lines())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("\\[(stable|canary)-\\d+\\] .*"))
        .anySatisfy(line -> assertThat(line).contains("listening on"));
  }

  @Test
  void an_aborted_canary_ends_its_deploy_watch_with_3_and_refuses_further_verbs() throws Exception {
    Cli.Result first =
        admin.store(
            "deploy", "-f", files.resolve("v1.yaml").toString(), "--environment", "dev", "--watch");
    assertThat(first.code()).as(first.toString()).isZero();
    CompletableFuture<Cli.Result> deploy =
        CompletableFuture.supplyAsync(
            () ->
                admin.store(
                    "deploy",
                    "-f",
                    files.resolve("v2.yaml").toString(),
                    "--environment",
                    "dev",
                    "--watch"));
    JsonNode paused = awaitNewest("sample-v2", DeployCommandsTest::isPaused);
    String id = paused.path("id").asText();

    Cli.Result aborted = admin.store("rollout", "abort", id, "--reason", "p99 doubled");
    Cli.Result watched = deploy.get(60, TimeUnit.SECONDS);
    Cli.Result pause = admin.store("rollout", "pause", id);
    Cli.Result unknown = admin.store("rollout", "status", "ro-0000000000");
    Cli.Result undo = admin.store("rollout", "undo", "sample", "--environment", "dev");

    assertThat(aborted.code()).as(aborted.toString()).isZero();
    assertThat(watched.code()).as(watched.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(watched.out())
        .contains("rollout " + id + " started: sample-v2 to dev")
        .containsPattern("aborted, step .*canary weight 0% \\(.*p99 doubled\\)")
        .endsWith(id + " aborted\n");
    assertThat(pause.code()).as(pause.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(pause.err()).contains("409").doesNotContain("\tat ");
    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND);
    // v1 serves, and was the first: there is nothing to go back to.
    assertThat(undo.code()).as(undo.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(undo.err()).contains("409");
    Cli.Result status = admin.store("rollout", "status", id);
    assertThat(status.out()).containsPattern("reason: .*p99 doubled").contains("aborted, step");
  }

  private static boolean isPaused(JsonNode rollout) {
    return rollout.path("phase").asText().equals("paused");
  }

  /** Waits until a rollout of the release has started and is as asked, and returns it. */
  private JsonNode awaitNewest(String release, Predicate<JsonNode> until) {
    JsonNode started =
        RolloutStreams.firstEvent(
            api(),
            e ->
                e.path("type").asText().equals("deployment.started")
                    && e.path("detail").path("release").asText().equals(release));
    return RolloutStreams.await(
        api(), started.path("subject").asText().replace("rollout/", ""), until);
  }

  /** The rollout's id, from what deploy printed. */
  private static String started(Cli.Result deploy) {
    assertThat(deploy.code()).as(deploy.toString()).isZero();
    Matcher matcher = STARTED.matcher(deploy.out());
    assertThat(matcher.find()).as(deploy.toString()).isTrue();
    assertThat(deploy.out()).contains("sextant rollout watch " + matcher.group(1));
    return matcher.group(1);
  }

  private JsonNode await(String id, Predicate<JsonNode> until) {
    return RolloutStreams.await(api(), id, until);
  }

  private ApiClient api() {
    return new ApiClient(URI.create(url), Optional.of(ADMIN));
  }

  private void succeeds(String... args) {
    Cli.Result result = admin.store(args);
    assertThat(result.code()).as(result.toString()).isZero();
  }
}
