package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.rollout.RolloutTimers;
import dev.sextant.server.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout for real on this host: the durable engine on a store, two revisions of a service as
 * supervised processes, a real HAProxy in front, and the traffic counted from what clients get.
 */
class LocalRolloutTest {
  private static final int REQUESTS = 60;
  private static final Revisions REVISIONS = new Revisions("v1", "v2");

  private Path dir;
  private Database database;
  private HaproxyConfig config;
  private HaproxyProcess haproxy;
  private InstanceSupervisor supervisor;
  private LocalTarget target;
  private RolloutEngine engine;
  private final ExecutorService confirmations = Executors.newSingleThreadExecutor();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws IOException {
    Path binary = HaproxyInstallation.binary();
    // UNIX socket paths hold about 100 bytes: keep the directory short, under /tmp.
    dir = Files.createTempDirectory(Path.of("/tmp"), "sxr");
    database = Database.h2(dir.resolve("store"), Clock.systemUTC());
    config =
        new HaproxyConfig(
            "web",
            Ports.freeLoopbackPort(),
            2,
            dir.resolve("admin.sock"),
            dir.resolve("pid"),
            Optional.empty());
    Files.writeString(dir.resolve("haproxy.cfg"), config.text());
    HaproxyRuntime runtime = new HaproxyRuntime(config.adminSocket(), Duration.ofSeconds(5));
    haproxy =
        HaproxyProcess.start(
            binary,
            dir.resolve("haproxy.cfg"),
            dir.resolve("haproxy.log"),
            runtime,
            Duration.ofSeconds(15));
    supervisor =
        new InstanceSupervisor(
            dir.resolve("logs"),
            new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)),
            status -> {});
    AtomicReference<RolloutEngine> driven = new AtomicReference<>();
    target =
        new LocalTarget(
            "web",
            REVISIONS,
            1,
            LocalRolloutTest::spec,
            supervisor,
            new HaproxyBalancer(config, runtime),
            // What the rollout waits for is told after the command, on a thread of its own.
            event ->
                confirmations.submit(
                    () -> {
                      try {
                        driven.get().deliver("r1", event);
                      } catch (RolloutRefusal e) {
                        // No longer awaited: the rollout moved on.
                      }
                    }),
            Clock.systemUTC());
    engine = new RolloutEngine(database, target, RolloutTimers.NONE, Clock.systemUTC());
    driven.set(engine);
    target.serveStable();
  }

  @AfterEach
  void stop() throws Exception {
    confirmations.shutdownNow();
    confirmations.awaitTermination(5, TimeUnit.SECONDS);
    supervisor.close();
    haproxy.close();
    database.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void a_canary_takes_half_the_traffic_then_all_of_it_once_promoted() throws Exception {
    assertThat(send()).containsOnlyKeys("v1");

    engine.start("r1", "web", "dev", REVISIONS, 1, canary(), "alice");
    RolloutState paused = eventually(s -> s.phase() == Phase.PAUSED);
    assertThat(paused.weight()).isEqualTo(50);
    Map<String, Integer> half = send();
    assertThat(half).containsOnlyKeys("v1", "v2");
    assertThat(half.get("v2")).isBetween(REQUESTS / 4, 3 * REQUESTS / 4);

    engine.deliver("r1", new RolloutEvent.Resume(Clock.systemUTC().instant(), "alice"));
    RolloutState done = eventually(s -> s.phase().terminal());

    assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(target.stableRevision()).isEqualTo("v2");
    assertThat(send()).containsOnlyKeys("v2");
    assertThat(tracks()).containsOnlyKeys("stable");
  }

  @Test
  void an_undo_after_a_promotion_serves_the_earlier_revision_again() throws Exception {
    engine.start("r1", "web", "dev", REVISIONS, 1, canary(), "alice");
    eventually(s -> s.phase() == Phase.PAUSED);
    engine.deliver("r1", new RolloutEvent.Resume(Clock.systemUTC().instant(), "alice"));
    eventually(s -> s.phase() == Phase.SUCCEEDED);
    assertThat(send()).containsOnlyKeys("v2");

    RolloutState undone =
        engine.deliver("r1", new RolloutEvent.Undo(Clock.systemUTC().instant(), "bob"));

    assertThat(undone.phase()).isEqualTo(Phase.ROLLED_BACK);
    assertThat(target.stableRevision()).isEqualTo("v1");
    assertThat(send()).containsOnlyKeys("v1");
    assertThat(tracks()).containsOnlyKeys("stable");
  }

  @Test
  void an_abort_sends_every_request_back_to_the_stable_revision() throws Exception {
    engine.start("r1", "web", "dev", REVISIONS, 1, canary(), "alice");
    eventually(s -> s.phase() == Phase.PAUSED);
    assertThat(send()).containsKey("v2");

    RolloutState aborted =
        engine.deliver("r1", new RolloutEvent.Abort(Clock.systemUTC().instant(), "bob", "bad"));

    assertThat(aborted.phase()).isEqualTo(Phase.ABORTED);
    assertThat(target.weight()).isZero();
    assertThat(send()).containsOnlyKeys("v1");
    assertThat(tracks()).containsOnlyKeys("stable");
  }

  /** setWeight 50, then a pause until resumed, then promote. */
  private static ObjectNode canary() throws IOException {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [{"setWeight": 50}, {"pause": {}}, {"promote": {}}]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "2m"}}
                """);
  }

  /** How revision v1 or v2 runs here: a tiny HTTP server that says which it is. */
  private static InstanceSpec spec(String revision) {
    return new InstanceSpec(
        TinyHttp.command("--port={{port}}"),
        Map.of("GREETING", revision),
        Path.of("."),
        "/healthz",
        Duration.ofSeconds(20),
        Duration.ofSeconds(5));
  }

  /** How many of {@link #REQUESTS} requests through HAProxy each revision answered. */
  private Map<String, Integer> send() throws IOException, InterruptedException {
    Map<String, Integer> answers = new TreeMap<>();
    URI uri = URI.create("http://127.0.0.1:" + config.frontendPort() + "/");
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      String key =
          response.statusCode() != 200
              ? "HTTP " + response.statusCode()
              : body.substring(body.indexOf("GREETING=") + "GREETING=".length()).strip();
      answers.merge(key, 1, Integer::sum);
    }
    return answers;
  }

  /** The tracks with running instances, and how many each has. */
  private Map<String, Integer> tracks() {
    Map<String, Integer> running = new TreeMap<>();
    for (InstanceStatus status : supervisor.snapshot()) {
      if (status.state() == InstanceState.READY) {
        running.merge(status.id().track().slotPrefix(), 1, Integer::sum);
      }
    }
    return running;
  }

  private RolloutState eventually(Predicate<RolloutState> done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RolloutState state = engine.state("r1");
    List<String> seen = new ArrayList<>();
    while (!done.test(state)) {
      seen.add(state.phase() + "@" + state.step());
      assertThat(System.nanoTime()).as("in time; seen " + seen).isLessThan(until);
      // The confirmations arrive on their own thread: the store is polled for them.
      Thread.sleep(50);
      state = engine.state("r1");
    }
    return state;
  }
}
