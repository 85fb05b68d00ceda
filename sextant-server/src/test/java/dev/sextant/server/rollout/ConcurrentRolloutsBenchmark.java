package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.sextant.core.rollout.Hold;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EmbeddedPostgresServer;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 20's many rollouts on one server: a thousand rollouts at once, each through timed pauses of
 * 1 and 2 s, on the durable engine with its timers on db-scheduler over the embedded H2 store and a
 * target that confirms every step from threads of its own (4 unless asked), as the local target
 * does. The lag of a timer is from the time it was due to the time its move was committed (the
 * target gets the next step's command right after the commit). The heap is read after each
 * collection during the run, and after a full collection once every rollout is held at its last,
 * untimed pause. A command that prints its figures, not a test: it runs only when asked.
 *
 * <pre>
 * ./mvnw -B -pl sextant-server -am test -Dtest=ConcurrentRolloutsBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.bench=true -Dsextant.bench.rollouts=1000
 * </pre>
 *
 * {@code -Dsextant.bench.pollMs=N} and {@code -Dsextant.bench.threads=N} replace the server's
 * default background work settings; {@code -Dsextant.bench.startSeconds=N} spreads the starts over
 * N seconds (10 by default), as rollouts of a fleet begin over time rather than in one instant.
 * {@code -Dsextant.bench.h2WriteDelayMs=N} opens the store with H2's write delay N instead of the
 * server's 0, to see what writing every commit costs; {@code -Dsextant.bench.store=postgresql} runs
 * on a database of the tests' embedded PostgreSQL instead; {@code -Dsextant.bench.confirmThreads=N}
 * confirms steps from N threads.
 */
@EnabledIfSystemProperty(named = "sextant.bench", matches = "true")
class ConcurrentRolloutsBenchmark {
  private static final Revisions REVISIONS = new Revisions("v1", "v2");
  private static final int[] WEIGHTS = {10, 20, 30, 50, 70, 90};

  @Test
  void timers_of_many_rollouts_fire_on_time() throws Exception {
    int rollouts = Integer.getInteger("sextant.bench.rollouts", 1_000);
    Duration spread = Duration.ofSeconds(Integer.getInteger("sextant.bench.startSeconds", 10));
    WorkSettings settings = settings();
    Path dir = Files.createTempDirectory("sxc");
    HeapAfterGc heap = new HeapAfterGc();
    Database database = store(dir);
    int confirmers = Integer.getInteger("sextant.bench.confirmThreads", 4);
    ExecutorService confirmations = Executors.newFixedThreadPool(confirmers);
    AtomicReference<RolloutEngine> driven = new AtomicReference<>();
    Map<String, Instant> due = new ConcurrentHashMap<>();
    List<Long> lagMicros = Collections.synchronizedList(new ArrayList<>());
    AtomicLong early = new AtomicLong();
    Set<String> held = ConcurrentHashMap.newKeySet();
    RolloutWork work = new RolloutWork();
    RolloutTimers timers =
        new RolloutTimers() {
          @Override
          public void timer(String rollout, String timer, Instant at) {
            due.put(rollout, at);
            work.timer(rollout, timer, at);
          }

          @Override
          public void deadline(String rollout, long version, Instant at) {
            work.deadline(rollout, version, at);
          }
        };
    RolloutTarget target =
        (rollout, command) -> {
          Instant now = Clock.systemUTC().instant();
          Instant at = due.remove(rollout);
          if (at != null) {
            if (now.isBefore(at)) {
              early.incrementAndGet();
            }
            lagMicros.add(Duration.between(at, now).toNanos() / 1_000);
          }
          if (command instanceof RolloutCommand.SetCanaryWeight) {
            confirmations.submit(
                () -> {
                  RolloutState state =
                      driven
                          .get()
                          .deliver(
                              rollout, new RolloutEvent.StepFinished(Clock.systemUTC().instant()));
                  if (state.hold().equals(Optional.of(Hold.UNTIMED))) {
                    held.add(rollout);
                  }
                });
          }
        };
    BackgroundWork background =
        new BackgroundWork(
            database.dataSource(),
            SchedulerDialect.of(database.dialect()),
            settings,
            List.of(),
            work.works());
    RolloutEngine engine = new RolloutEngine(database, target, timers, Clock.systemUTC());
    driven.set(engine);
    work.drive(engine, background);
    background.start();
    ObjectNode strategy = strategy();
    try {
      long begun = System.nanoTime();
      for (int i = 0; i < rollouts; i++) {
        long startAt = begun + spread.toNanos() * i / rollouts;
        long wait = startAt - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        engine.start("r" + i, "web", "dev", REVISIONS, 1, strategy, "bench");
      }
      double startSeconds = (System.nanoTime() - begun) / 1e9;
      long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (held.size() < rollouts) {
        assertThat(System.nanoTime())
            .as("every rollout at its last pause in time; " + held.size() + " are")
            .isLessThan(until);
        Thread.sleep(100);
      }
      double allHeldSeconds = (System.nanoTime() - begun) / 1e9;
      long afterRun = heap.max();
      System.gc();
      long heldHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

      assertThat(lagMicros).hasSize(rollouts * WEIGHTS.length);
      assertThat(engine.state("r0").phase()).isEqualTo(Phase.PAUSED);
      List<Long> sorted = new ArrayList<>(lagMicros);
      Collections.sort(sorted);
      System.out.printf(
          "%d rollouts, %d timed pauses each (1 s and 2 s), started over %.1f s (%s s asked),"
              + " all at their last pause after %.1f s; polling every %d ms, %d threads,"
              + " %d confirming, %s:%n"
              + "  timer lag (due -> move committed) over %d timers: p50 %.1f ms, p90 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms (%d fired before due)%n"
              + "  heap after GC: max %.0f MiB during the run; %.0f MiB after a full GC with every"
              + " rollout held (max heap %.0f MiB)%n",
          rollouts,
          WEIGHTS.length,
          startSeconds,
          spread.toSeconds(),
          allHeldSeconds,
          settings.pollingInterval().toMillis(),
          settings.threads(),
          confirmers,
          storeName(),
          sorted.size(),
          percentile(sorted, 0.50),
          percentile(sorted, 0.90),
          percentile(sorted, 0.99),
          sorted.get(sorted.size() - 1) / 1000.0,
          early.get(),
          afterRun / 1048576.0,
          heldHeap / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
    } finally {
      background.close();
      confirmations.shutdownNow();
      confirmations.awaitTermination(10, TimeUnit.SECONDS);
      database.close();
      heap.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The embedded store as the server opens it; or with H2's own write delay (in ms) when one is
   * asked for, so that commits return before they are written (a kill may lose the last ones); or a
   * fresh database of the tests' embedded PostgreSQL.
   */
  private static Database store(Path dir) {
    if (System.getProperty("sextant.bench.store", "h2").equals("postgresql")) {
      return Database.open(
          EmbeddedPostgresServer.newDatabase(),
          Optional.empty(),
          Optional.empty(),
          Clock.systemUTC());
    }
    Integer writeDelayMs = Integer.getInteger("sextant.bench.h2WriteDelayMs");
    if (writeDelayMs == null) {
      return Database.h2(dir.resolve("store"), Clock.systemUTC());
    }
    return Database.open(
        "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=" + writeDelayMs,
        Optional.empty(),
        Optional.empty(),
        Clock.systemUTC());
  }

  private static String storeName() {
    if (System.getProperty("sextant.bench.store", "h2").equals("postgresql")) {
      return "embedded PostgreSQL";
    }
    return Optional.ofNullable(System.getProperty("sextant.bench.h2WriteDelayMs"))
        .map(ms -> "H2 with write delay " + ms + " ms")
        .orElse("the server's H2 store");
  }

  /** The server's default background work settings, or the polling and threads asked for. */
  private static WorkSettings settings() {
    WorkSettings defaults = WorkSettings.defaults("concurrent-rollouts-bench");
    Integer pollMs = Integer.getInteger("sextant.bench.pollMs");
    return new WorkSettings(
        defaults.nodeName(),
        pollMs == null ? defaults.pollingInterval() : Duration.ofMillis(pollMs),
        defaults.heartbeatInterval(),
        defaults.missedHeartbeatsLimit(),
        Integer.getInteger("sextant.bench.threads", defaults.threads()),
        defaults.shutdownMaxWait());
  }

  /**
   * Weights 10 to 90 with a timed pause of 1 or 2 s after each, then 95 (a command after the last
   * timer, to time it by) and an untimed pause that holds the rollout, so that the heap can be read
   * with every rollout alive.
   */
  private static ObjectNode strategy() throws Exception {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < WEIGHTS.length; i++) {
      steps.add("{\"setWeight\": %d}".formatted(WEIGHTS[i]));
      steps.add("{\"pause\": {\"duration\": \"%ds\"}}".formatted(1 + i % 2));
    }
    steps.add("{\"setWeight\": 95}");
    steps.add("{\"pause\": {}}");
    steps.add("{\"promote\": {}}");
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [%s]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "10m"}}
                """
                    .formatted(String.join(", ", steps)));
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.ceil(sorted.size() * p) - 1) / 1000.0;
  }

  /** The most heap in use right after a collection, over the collections seen since it began. */
  private static final class HeapAfterGc implements AutoCloseable {
    private final Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong max = new AtomicLong();
    private final javax.management.NotificationListener listener =
        (notification, handback) -> {
          if (notification
              .getType()
              .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used =
                info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed())
                    .sum();
            max.accumulateAndGet(used, Math::max);
          }
        };

    HeapAfterGc() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
      }
    }

    long max() {
      return max.get();
    }

    @Override
    public void close() throws ListenerNotFoundException {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      }
    }
  }
}
