package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sextant.api.ApiClient;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.notify.NotifySettings;
import dev.sextant.server.store.StoreLocation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant notifications} through the root command against a real server, whose notifier
 * posts to a real receiver on loopback that fails until told otherwise.
 */
// A stream waited on never ends by itself when nothing comes: the test does, failing.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NotificationsCommandTest {
  private static final String ADMIN = "sxt_notifications-commands-test-admin";
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
        name: pause-at-half
      spec:
        canary:
          steps:
            - setWeight: 50
            - pause: {}
            - promote: {}
      """;

  @TempDir Path home;
  @TempDir Path files;
  private SextantServer server;
  private HttpServer receiver;
  private final List<String> keys = new ArrayList<>();
  private volatile int answer = 500;
  private Cli admin;
  private String url;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          synchronized (keys) {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          }
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    receiver.start();
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("server")))
                .withFirstAdminToken(ADMIN)
                .withNotifications(NotifySettings.DEFAULTS.withRetries(2, Duration.ofMillis(50))));
    url = "http://127.0.0.1:" + server.port();
    admin = Cli.withHome(home).withEnv("SEXTANT_TOKEN", ADMIN).withStoreArgs("--server", url);
    SampleReleases sample = SampleReleases.built();
    Files.writeString(files.resolve("lab.yaml"), LAB);
    Files.writeString(
        files.resolve("v1.yaml"), sample.release("sample-v1", "1.0.0", "pause-at-half"));
    Files.writeString(
        files.resolve("hook.yaml"),
        """
        apiVersion: sextant.dev/v1
        kind: Notifier
        metadata:
          name: hook
        spec:
          type: webhook
          url: http://127.0.0.1:%d/hook
          phases: [succeeded]
        """
            .formatted(receiver.getAddress().getPort()));
    succeeds(
        "apply",
        "-f",
        files.resolve("lab.yaml").toString(),
        "-f",
        files.resolve("hook.yaml").toString());
    succeeds(
        "fingerprint",
        "--record",
        "dev",
        "-f",
        Files.writeString(
                files.resolve("fp.yaml"),
                "collectedAt: 2026-12-06T09:00:00Z\nfacts:\n  cpu.arch: x86_64\n")
            .toString());
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.stop(0);
  }

  @Test
  void a_dead_letter_is_listed_without_its_url_and_replayed_once() throws Exception {
    // The first deployment of a service has nothing to be a canary of: it succeeds at once.
    succeeds(
        "deploy", "-f", files.resolve("v1.yaml").toString(), "--environment", "dev", "--watch");
    firstEvent("notification.failed", "dead-lettered");

    Cli.Result table = admin.store("notifications", "dead-letters");
    Cli.Result json = admin.store("notifications", "dead-letters", "-o", "json");

    assertThat(table.code()).as(table.toString()).isZero();
    assertThat(table.out().lines().findFirst())
        .hasValueSatisfying(
            header -> assertThat(header).startsWith("ID").contains("NOTIFIER", "PHASE", "STATE"));
    assertThat(table.out())
        .contains("hook", "succeeded", "dead", "the receiver answered HTTP 500")
        .doesNotContain("127.0.0.1");
    JsonNode letters = JSON.readTree(json.out()).path("items");
    assertThat(letters).hasSize(1);
    JsonNode letter = letters.get(0);
    assertThat(letter.path("attempts").asInt()).isEqualTo(2);
    assertThat(letter.path("lastStatus").asInt()).isEqualTo(500);
    assertThat(json.out()).doesNotContain("127.0.0.1");

    answer = 200;
    String id = letter.path("id").asText();
    Cli.Result replayed = admin.store("notifications", "replay", id);
    Cli.Result again = admin.store("notifications", "replay", id, "-o", "json");
    firstEvent("notification.delivered", "delivered");

    assertThat(replayed.code()).as(replayed.toString()).isZero();
    assertThat(again.code()).as(again.toString()).isZero();
    server.services().notifications().runOnce();
    synchronized (keys) {
      assertThat(keys).hasSize(3).containsOnly(letter.path("key").asText());
    }
    JsonNode after =
        JSON.readTree(admin.store("notifications", "dead-letters", "-o", "json").out());
    assertThat(after.path("items")).isEmpty();
  }

  @Test
  void replay_says_what_is_wrong_with_an_id_and_help_teaches_the_retries() {
    Cli.Result unknown = admin.store("notifications", "replay", "424242");
    Cli.Result notANumber = admin.store("notifications", "replay", "forty-two");
    Cli.Result help = admin.run("notifications", "--help");

    assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unknown.err()).contains("no notification 424242").doesNotContain("\tat ");
    assertThat(notANumber.code()).as(notANumber.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(notANumber.err()).contains("forty-two");
    assertThat(help.out()).contains("dead-letters", "replay", "Idempotency-Key", "dead letter");
  }

  private void firstEvent(String type, String outcome) {
    RolloutStreams.firstEvent(
        new ApiClient(URI.create(url), Optional.of(ADMIN)),
        e -> e.path("type").asText().equals(type) && e.path("outcome").asText().equals(outcome));
  }

  private void succeeds(String... args) {
    Cli.Result result = admin.store(args);
    assertThat(result.code()).as(result.toString()).isZero();
  }
}
