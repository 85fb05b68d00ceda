package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.analysis.ScrapeProvider;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.rollout.RolloutWork;
import dev.sextant.server.rollout.analysis.RolloutAnalyses;
import dev.sextant.server.store.Database;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 20's error onset: from the moment a canary starts failing to the moment after which clients
 * get no more answers from it, with a scrape analysis measuring every second. The rollout of a
 * service on the local target (a real HAProxy in front of a stable and a canary process, the
 * durable engine, its analysis ticks on db-scheduler over H2) sits in an analysis step at a 50%
 * canary while a load generator sends requests through HAProxy; each round tells the canary to
 * fail, waits for the rollout to fail, and retries it. A command that prints its figures, not a
 * test: it runs only when asked.
 *
 * <pre>
 * ./mvnw -B -pl sextant-server -am test -Dtest=ErrorOnsetBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.bench=true -Dsextant.bench.onsets=20
 * </pre>
 *
 * {@code -Dsextant.bench.pollMs=N} replaces the server's default polling interval (1 s).
 */
@EnabledIfSystemProperty(named = "sextant.bench", matches = "true")
class ErrorOnsetBenchmark {
  private static final Revisions REVISIONS = new Revisions("v1", "v2");
  private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
  private static final int LOAD_THREADS = 2;

  @Test
  void error_onset_to_traffic_back_on_stable() throws Exception {
    int onsets = Integer.getInteger("sextant.bench.onsets", 20);
    WorkSettings settings = settings();
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "sxe");
    HaproxyConfig config =
        new HaproxyConfig(
            "web",
            Ports.freeLoopbackPort(),
            2,
            dir.resolve("admin.sock"),
            dir.resolve("pid"),
            Optional.empty());
    Files.writeString(dir.resolve("haproxy.cfg"), config.text());
    HaproxyRuntime runtime = new HaproxyRuntime(config.adminSocket(), Duration.ofSeconds(5));
    ExecutorService confirmations = Executors.newSingleThreadExecutor();
    AtomicReference<RolloutEngine> driven = new AtomicReference<>();
    AtomicLong weightZeroAt = new AtomicLong();
    Load load = new Load(URI.create("http://127.0.0.1:" + config.frontendPort() + "/"));
    try (HaproxyProcess haproxy =
            HaproxyProcess.start(
                HaproxyInstallation.binary(),
                dir.resolve("haproxy.cfg"),
                dir.resolve("haproxy.log"),
                runtime,
                Duration.ofSeconds(15));
        InstanceSupervisor supervisor =
            new InstanceSupervisor(
                dir.resolve("logs"),
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                status -> {})) {
      Database database = Database.h2(dir.resolve("store"), Clock.systemUTC());
      LocalTarget local =
          new LocalTarget(
              "web",
              REVISIONS,
              1,
              revision ->
                  new InstanceSpec(
                      TinyHttp.command(FlakyHttp.class, "--port={{port}}"),
                      Map.of("GREETING", revision),
                      Path.of("."),
                      "/healthz",
                      Duration.ofSeconds(20),
                      Duration.ofSeconds(5)),
              supervisor,
              new HaproxyBalancer(config, runtime),
              event ->
                  confirmations.submit(
                      () -> {
                        try {
                          driven.get().deliver("r1", event);
                        } catch (RolloutRefusal e) {
                          // no longer awaited
                        }
                      }),
              Clock.systemUTC());
      RolloutWork timers = new RolloutWork();
      RolloutAnalyses analyses =
          new RolloutAnalyses(
              (rollout, command) -> {
                local.run(rollout, command);
                if (command instanceof RolloutCommand.SetCanaryWeight set && set.weight() == 0) {
                  weightZeroAt.compareAndSet(0, System.nanoTime());
                }
              },
              name -> name.equals("errors") ? Optional.of(errors()) : Optional.empty(),
              rollout -> canaryBase(supervisor).stream().toList(),
              ScrapeProvider.client(),
              Clock.systemUTC());
      BackgroundWork work =
          new BackgroundWork(
              database.dataSource(),
              SchedulerDialect.of(database.dialect()),
              settings,
              List.of(),
              Stream.of(timers.works(), analyses.works())
                  .flatMap(List<OneTimeWork>::stream)
                  .toList());
      RolloutEngine engine = new RolloutEngine(database, analyses, timers, Clock.systemUTC());
      driven.set(engine);
      timers.drive(engine, work);
      analyses.drive(engine, work);
      work.start();
      local.serveStable();
      load.start();

      // A fixed seed: the onsets fall at the same (random) points of the scrape cycle every run.
      Random random = new Random(20);
      List<Long> onsetToStable = new ArrayList<>();
      List<Long> onsetToWeightZero = new ArrayList<>();
      engine.start("r1", "web", "dev", REVISIONS, 1, strategy(), "bench");
      for (int i = 0; i < onsets; i++) {
        if (i > 0) {
          engine.deliver("r1", new RolloutEvent.Retry(Clock.systemUTC().instant(), "bench"));
        }
        await(engine, s -> s.phase() == Phase.ANALYZING);
        // Past the first measurements, at a point of the scrape cycle that differs every round.
        Thread.sleep(2_500 + random.nextInt(1_500));
        assertThat(load.canaryAnswers()).as("the canary takes traffic").isPositive();
        weightZeroAt.set(0);
        long onset = System.nanoTime();
        startFailing(canaryBase(supervisor).orElseThrow());
        RolloutState failed = await(engine, s -> s.phase().terminal());
        assertThat(failed.phase()).as(failed.reason()).isEqualTo(Phase.FAILED);
        // Answers still on their way come in now; any later one moves T1 on.
        Thread.sleep(1_000);
        long lastCanary = load.lastCanaryAnswer();
        assertThat(lastCanary).as("the canary answered after it began to fail").isPositive();
        onsetToStable.add(Math.max(0, lastCanary - onset) / 1_000);
        onsetToWeightZero.add((weightZeroAt.get() - onset) / 1_000);
        long before = load.answers();
        Thread.sleep(200);
        assertThat(load.answers()).as("stable still answers").isGreaterThan(before);
        load.forgetCanary();
      }
      load.stop();
      System.out.printf(
          "error onset over %d onsets, scrape interval %d s, polling every %d ms, %d threads,"
              + " load %.0f requests/s (%d errors or failed requests):%n"
              + "  onset -> last canary answer seen by clients: %s%n"
              + "  onset -> HAProxy canary weight 0:             %s%n",
          onsetToStable.size(),
          SCRAPE_INTERVAL.toSeconds(),
          settings.pollingInterval().toMillis(),
          settings.threads(),
          load.rate(),
          load.failures(),
          figures(onsetToStable),
          figures(onsetToWeightZero));
      work.close();
      confirmations.shutdownNow();
      confirmations.awaitTermination(5, TimeUnit.SECONDS);
      database.close();
    } finally {
      load.stop();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The server's background work settings, or its polling interval as asked. */
  private static WorkSettings settings() {
    WorkSettings defaults = WorkSettings.defaults("error-onset-bench");
    Integer pollMs = Integer.getInteger("sextant.bench.pollMs");
    if (pollMs == null) {
      return defaults;
    }
    return new WorkSettings(
        defaults.nodeName(),
        Duration.ofMillis(pollMs),
        defaults.heartbeatInterval(),
        defaults.missedHeartbeatsLimit(),
        defaults.threads(),
        defaults.shutdownMaxWait());
  }

  /**
   * Server errors per second of the canary, scraped every second (after a first second, so that the
   * first measurement has a window): passes under 1/s, fails at 1/s, for as long as the step lasts.
   */
  private static AnalysisTemplateSpec errors() {
    Metric metric =
        new Metric(
            "server-errors",
            Optional.of(SCRAPE_INTERVAL),
            Optional.of(SCRAPE_INTERVAL),
            Optional.empty(),
            Optional.of("result[0] < 1"),
            Optional.of("result[0] >= 1"),
            0,
            0,
            4,
            false,
            new Provider.Scrape(
                "/metrics", Optional.empty(), "http_requests_total", Map.of("code", "500")));
    return new AnalysisTemplateSpec(
        "", List.of(), List.of(metric), Optional.empty(), Optional.empty());
  }

  /** setWeight 50, then an analysis that lasts until it fails; rolled back on failure. */
  private static ObjectNode strategy() throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [{"setWeight": 50}, {"analysis": {"templates": ["errors"]}},
                                      {"promote": {}}]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "10m"}}
                """);
  }

  private static Optional<URI> canaryBase(InstanceSupervisor supervisor) {
    return supervisor.snapshot().stream()
        .filter(s -> s.id().track() == Track.CANARY && s.state() == InstanceState.READY)
        .map(s -> URI.create("http://127.0.0.1:" + s.port()))
        .findFirst();
  }

  /** Tells the canary process to answer 500 from now on. */
  private static void startFailing(URI canary) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(canary.resolve("/fail"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static RolloutState await(RolloutEngine engine, Predicate<RolloutState> done)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RolloutState state = engine.state("r1");
    while (!done.test(state)) {
      assertThat(System.nanoTime()).as("in time: " + state).isLessThan(until);
      Thread.sleep(5);
      state = engine.state("r1");
    }
    return state;
  }

  private static String figures(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return String.format(
        "median %.0f ms, max %.0f ms, min %.0f ms, all %s",
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0,
        sorted.get(0) / 1000.0,
        micros.stream().map(m -> Long.toString(m / 1000)).toList());
  }

  /**
   * Clients sending requests through HAProxy without pause, each on a kept-alive connection, noting
   * when an answer last came from the canary (which names its revision, v2, failing or not).
   */
  private static final class Load {
    private final URI uri;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong canaryAnswers = new AtomicLong();
    private final AtomicLong lastCanary = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private long startedAt;
    private long stoppedAt;

    Load(URI uri) {
      this.uri = uri;
    }

    void start() {
      running.set(true);
      startedAt = System.nanoTime();
      for (int i = 0; i < LOAD_THREADS; i++) {
        Thread thread = new Thread(this::send, "load-" + i);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
    }

    private void send() {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
      while (running.get()) {
        try {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString());
          long at = System.nanoTime();
          answers.incrementAndGet();
          if (response.body().endsWith("GREETING=v2")) {
            canaryAnswers.incrementAndGet();
            lastCanary.accumulateAndGet(at, Math::max);
          } else if (response.statusCode() != 200) {
            failures.incrementAndGet();
          }
        } catch (java.io.IOException e) {
          failures.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    long answers() {
      return answers.get();
    }

    long canaryAnswers() {
      return canaryAnswers.get();
    }

    long lastCanaryAnswer() {
      return lastCanary.get();
    }

    long failures() {
      return failures.get();
    }

    void forgetCanary() {
      canaryAnswers.set(0);
      lastCanary.set(0);
    }

    double rate() {
      return answers.get() / ((stoppedAt - startedAt) / 1e9);
    }

    void stop() throws InterruptedException {
      if (running.getAndSet(false)) {
        stoppedAt = System.nanoTime();
        for (Thread thread : threads) {
          thread.join(10_000);
        }
      }
    }
  }
}
