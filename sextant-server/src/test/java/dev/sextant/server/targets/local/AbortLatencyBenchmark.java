package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.rollout.RolloutTimers;
import dev.sextant.server.store.Database;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 20's abort latency: from the decision to abort (the event given to the engine) to the
 * canary's weight 0 in a real HAProxy, over many aborts of a rollout at 50%. A command that prints
 * its figures, not a test: it runs only when asked.
 *
 * <pre>
 * ./mvnw -B -pl sextant-server -am test -Dtest=AbortLatencyBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.bench=true -Dsextant.bench.aborts=200
 * </pre>
 */
@EnabledIfSystemProperty(named = "sextant.bench", matches = "true")
class AbortLatencyBenchmark {
  private static final Revisions REVISIONS = new Revisions("v1", "v2");

  @Test
  void decision_to_canary_weight_zero() throws Exception {
    int aborts = Integer.getInteger("sextant.bench.aborts", 200);
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "sxb");
    Path binary = HaproxyInstallation.binary();
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
    try (HaproxyProcess haproxy =
            HaproxyProcess.start(
                binary,
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
                      TinyHttp.command("--port={{port}}"),
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
      RolloutEngine engine =
          new RolloutEngine(
              database,
              (rollout, command) -> {
                local.run(rollout, command);
                if (command instanceof RolloutCommand.SetCanaryWeight set && set.weight() == 0) {
                  weightZeroAt.compareAndSet(0, System.nanoTime());
                }
              },
              RolloutTimers.NONE,
              Clock.systemUTC());
      driven.set(engine);
      local.serveStable();

      List<Long> micros = new ArrayList<>();
      engine.start("r1", "web", "dev", REVISIONS, 1, canary(), "bench");
      for (int i = 0; i < aborts; i++) {
        await(engine, s -> s.phase() == Phase.PAUSED && s.weight() == 50);
        weightZeroAt.set(0);
        long decided = System.nanoTime();
        RolloutState aborted =
            engine.deliver(
                "r1", new RolloutEvent.Abort(Clock.systemUTC().instant(), "bench", "measured"));
        assertThat(aborted.phase()).isEqualTo(Phase.ABORTED);
        micros.add((weightZeroAt.get() - decided) / 1_000);
        engine.deliver("r1", new RolloutEvent.Retry(Clock.systemUTC().instant(), "bench"));
      }
      Collections.sort(micros);
      System.out.printf(
          "abort latency over %d aborts (decision -> HAProxy canary weight 0): median %.1f ms,"
              + " p99 %.1f ms, max %.1f ms%n",
          micros.size(),
          micros.get(micros.size() / 2) / 1000.0,
          micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
          micros.get(micros.size() - 1) / 1000.0);
      confirmations.shutdownNow();
      database.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static ObjectNode canary() throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [{"setWeight": 50}, {"pause": {}}, {"promote": {}}]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "2m"}}
                """);
  }

  private static void await(RolloutEngine engine, java.util.function.Predicate<RolloutState> done)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.test(engine.state("r1"))) {
      assertThat(System.nanoTime()).as("in time: " + engine.state("r1")).isLessThan(until);
      Thread.sleep(5);
    }
  }
}
