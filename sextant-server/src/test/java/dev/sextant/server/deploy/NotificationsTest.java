package dev.sextant.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiClient;
import dev.sextant.api.NotificationDeliveries;
import dev.sextant.api.NotificationDelivery;
import dev.sextant.api.SextantClient;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.notify.NotifySettings;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.LoggedEvent;
import dev.sextant.server.store.NotificationFailed;
import dev.sextant.server.store.RolloutMoved;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications of real rollouts (the sample service's jar, run by the local target behind HAProxy)
 * to a real webhook receiver and a Slack-shaped one, both on loopback: one per transition and
 * notifier, whoever reads the outbox and however often, with retries, dead letters and replays.
 */
class NotificationsTest {
  private static final String TOKEN = "sxt_the-notification-tests-admin-token";
  private static final String HEADER_SECRET = "Bearer the-receivers-own-s3cret";
  private static final String SLACK_PATH = "/services/T000/B000/the-slack-s3cret";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Set<String> MANUAL =
      Set.of("abort", "promote", "pause", "resume", "retry", "undo", "approve");

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
      """;

  @TempDir Path home;
  private final Receiver receiver = newReceiver();
  private Path secrets;
  private SextantServer server;
  private ApiClient api;
  private Rollouts rollouts;

  @BeforeEach
  void start() throws Exception {
    secrets = Files.createDirectories(home.resolve("secrets"));
    secret("header", HEADER_SECRET);
    secret("slack-url", receiver.url(SLACK_PATH));
    server = startServer();
    SampleJar jar = SampleJar.built();
    apply(
        "environment.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: dev
          labels:
            tier: dev
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
    apply("v1.yaml", jar.release("sample-v1", "1.0.0", "pause-at-half"));
    apply("v2.yaml", jar.release("sample-v2", "2.0.0", "pause-at-half"));
    apply(
        "hook.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Notifier
        metadata:
          name: hook
        spec:
          type: webhook
          url: %s
          headers:
            Authorization: {secretRef: "file:%s"}
          environments:
            matchLabels:
              tier: dev
          services: [sample]
        """
            .formatted(receiver.url("/hook"), secrets.resolve("header")));
    apply(
        "slack.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Notifier
        metadata:
          name: slack
        spec:
          type: slack
          url: {secretRef: "file:%s"}
        """
            .formatted(secrets.resolve("slack-url")));
    // Selects no rollout here: hears only of production.
    apply(
        "prod-only.yaml",
        """
        apiVersion: sextant.dev/v1
        kind: Notifier
        metadata:
          name: prod-only
        spec:
          type: webhook
          url: %s
          environments:
            matchLabels:
              tier: prod
        """
            .formatted(receiver.url("/prod")));
    server.services().discovery().record("dev", Lab.host("x86_64"), "file:dev.yaml", "operator");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    receiver.close();
  }

  @Test
  void each_transition_of_a_rollout_and_a_manual_abort_is_notified_once_to_each_notifier()
      throws Exception {
    rollouts.await(rollouts.deploy("sample-v1"), r -> r.path("settled").asBoolean());
    JsonNode v2 = rollouts.deploy("sample-v2");
    rollouts.await(v2, r -> r.path("phase").asText().equals("paused"));
    api.post(
        "api/v1/rollouts/" + v2.path("id").asText() + "/abort",
        JsonNodeFactory.instance.objectNode().put("reason", "the canary looks wrong"));
    rollouts.await(v2, r -> r.path("terminal").asBoolean() && r.path("settled").asBoolean());
    List<Map<String, String>> expected = transitions();

    List<Receiver.Received> hook = receiver.await("/hook", expected.size(), PATIENCE);
    receiver.await(SLACK_PATH, expected.size(), PATIENCE);
    // The worker run twice at once, then again on a server started anew on the same store.
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> run = () -> server.services().notifications().runOnce();
      for (Future<Integer> done : two.invokeAll(List.of(run, run))) {
        done.get();
      }
    } finally {
      two.shutdown();
    }
    server.close();
    server = startServer();
    server.services().notifications().runOnce();
    // Whatever the new server did on starting, the outbox says which transitions there were.
    expected = transitions();

    hook = receiver.received("/hook");
    assertThat(hook).extracting(Receiver.Received::key).doesNotHaveDuplicates();
    assertThat(hook)
        .extracting(
            r ->
                Map.of(
                    "rollout", r.body().path("rollout").path("id").asText(),
                    "phase", r.body().path("phase").asText(),
                    "verb", r.body().path("verb").asText()))
        .containsExactlyElementsOf(expected);
    assertThat(receiver.received(SLACK_PATH)).hasSameSizeAs(hook);
    assertThat(receiver.received("/prod")).isEmpty();
    assertThat(hook)
        .allSatisfy(
            r -> {
              assertThat(r.headers()).containsEntry("authorization", HEADER_SECRET);
              assertThat(r.headers().get("x-sextant-delivery")).isEqualTo(r.key());
              assertThat(r.key()).isEqualTo("hook-" + r.body().path("event").path("sequence"));
              assertThat(r.body().path("schema").asText()).isEqualTo("sextant.dev/notification/v1");
              assertThat(r.body().path("server").asText()).isEqualTo("lab-cluster");
              assertThat(r.body().path("environment").asText()).isEqualTo("dev");
              assertThat(r.body().path("service").asText()).isEqualTo("sample");
              assertThat(r.body().path("rollout").path("path").asText())
                  .isEqualTo("/api/v1/rollouts/" + r.body().path("rollout").path("id").asText());
            });
    JsonNode first = hook.get(0).body();
    assertThat(first.has("previousPhase")).isFalse();
    assertThat(first.path("release").path("name").asText()).isEqualTo("sample-v1");
    assertThat(first.path("actor").asText()).isEqualTo("admin");
    JsonNode abort = hook.get(hook.size() - 1).body();
    assertThat(abort.path("phase").asText()).isEqualTo("aborted");
    assertThat(abort.path("previousPhase").asText()).isEqualTo("paused");
    assertThat(abort.path("verb").asText()).isEqualTo("abort");
    assertThat(abort.path("manual").asBoolean()).isTrue();
    assertThat(abort.path("actor").asText()).isEqualTo("admin");
    assertThat(abort.path("reason").asText()).contains("the canary looks wrong");
    assertThat(abort.path("release").path("name").asText()).isEqualTo("sample-v2");
    assertThat(abort.path("revision").asText()).isEqualTo("sample-v2@1/jar");

    JsonNode slack = receiver.received(SLACK_PATH).get(hook.size() - 1).body();
    assertThat(slack.path("text").asText())
        .isEqualTo("[lab-cluster] *sample* in *dev*: paused → aborted (abort by admin)");
    assertThat(slack.path("blocks").get(0).path("type").asText()).isEqualTo("section");
    assertThat(slack.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
    assertThat(slack.path("blocks").get(1).path("type").asText()).isEqualTo("context");

    NotificationDeliveries ofV2 = client().deliveries(v2.path("id").asText());
    assertThat(ofV2.items())
        .allSatisfy(d -> assertThat(d.state()).isEqualTo("delivered"))
        .extracting(NotificationDelivery::notifier)
        .containsOnly("hook", "slack");
    assertNoSecretIn(api.get("api/v1/notifications/deliveries?rollout=" + v2.path("id").asText()));
    assertNoSecretInEvents();
  }

  @Test
  void a_receiver_answering_500_ends_in_the_dead_letters_and_a_replay_delivers_it_once()
      throws Exception {
    receiver.answer(500);
    rollouts.await(rollouts.deploy("sample-v1"), r -> r.path("settled").asBoolean());
    int transitions = transitions().size();

    List<NotificationDelivery> dead =
        awaitDeadLetters(letters -> letters.size() == 2 * transitions);
    assertThat(dead)
        .allSatisfy(
            letter -> {
              assertThat(letter.attempts()).isEqualTo(3);
              assertThat(letter.lastStatus()).contains(500);
              assertThat(letter.lastError()).contains("the receiver answered HTTP 500");
            });
    // Three attempts each, under one key.
    List<Receiver.Received> hook = receiver.received("/hook");
    assertThat(hook).hasSize(3 * transitions);
    assertThat(hook.stream().map(Receiver.Received::key).distinct()).hasSize(transitions);
    assertThat(
            server.services().events(EventQuery.last(100).ofType(NotificationFailed.TYPE)).stream()
                .map(e -> e.envelope().outcome()))
        .containsOnly(NotificationFailed.RETRYING, NotificationFailed.DEAD_LETTERED);
    assertNoSecretIn(api.get("api/v1/notifications/dead-letters").orElseThrow());
    assertNoSecretInEvents();

    receiver.answer(200);
    NotificationDelivery letter =
        dead.stream().filter(d -> d.notifier().equals("hook")).findFirst().orElseThrow();
    client().replay(letter.id());
    client().replay(letter.id());
    List<Receiver.Received> after = receiver.await("/hook", 3 * transitions + 1, PATIENCE);
    awaitDeadLetters(letters -> letters.size() == 2 * transitions - 1);
    server.services().notifications().runOnce();

    assertThat(receiver.received("/hook")).hasSize(3 * transitions + 1);
    Receiver.Received replayed = after.get(after.size() - 1);
    assertThat(replayed.key()).isEqualTo(letter.key());
    assertThat(replayed.answered()).isEqualTo(200);
    assertThat(client().deliveries(letter.rollout()).items())
        .filteredOn(d -> d.id() == letter.id())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.state()).isEqualTo("delivered");
              assertThat(d.attempts()).isEqualTo(1);
            });
  }

  /** Each rollout.moved that changed the phase or was an operator's, in outbox order. */
  private List<Map<String, String>> transitions() {
    Map<String, String> phases = new HashMap<>();
    List<Map<String, String>> transitions = new ArrayList<>();
    for (LoggedEvent event :
        server.services().events(EventQuery.last(1000).ofType(RolloutMoved.TYPE))) {
      RolloutMoved moved = (RolloutMoved) event.event();
      String before = phases.put(moved.rollout(), moved.phase());
      if (MANUAL.contains(moved.verb()) || !moved.phase().equals(before)) {
        transitions.add(
            Map.of("rollout", moved.rollout(), "phase", moved.phase(), "verb", moved.verb()));
      }
    }
    return transitions;
  }

  private List<NotificationDelivery> awaitDeadLetters(Predicate<List<NotificationDelivery>> until)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<NotificationDelivery> letters = client().deadLetters(100).items();
    while (!until.test(letters)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the dead letters never got there: " + letters);
      }
      Thread.sleep(50);
      letters = client().deadLetters(100).items();
    }
    return letters;
  }

  private void assertNoSecretIn(Object shown) {
    assertThat(String.valueOf(shown))
        .doesNotContain(HEADER_SECRET, "the-slack-s3cret", receiver.url("/"));
  }

  private void assertNoSecretInEvents() {
    for (LoggedEvent event : server.services().events(EventQuery.last(10_000))) {
      assertNoSecretIn(event.envelope());
    }
  }

  private SextantServer startServer() {
    SextantServer started =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("data")))
                .withFirstAdminToken(TOKEN)
                .withNotifications(
                    NotifySettings.DEFAULTS
                        .withRetries(3, Duration.ofMillis(100))
                        .withServerName("lab-cluster")));
    api = new ApiClient(URI.create("http://127.0.0.1:" + started.port()), Optional.of(TOKEN));
    rollouts = new Rollouts(api);
    return started;
  }

  private SextantClient client() {
    return new SextantClient(api);
  }

  private void secret(String name, String value) throws Exception {
    Path file = secrets.resolve(name);
    Files.writeString(file, value, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private void apply(String name, String text) {
    server
        .services()
        .resources()
        .apply(List.of(new Input(name, text.getBytes(StandardCharsets.UTF_8))), "test");
  }

  private static Receiver newReceiver() {
    try {
      return new Receiver();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
