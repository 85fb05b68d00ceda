package dev.sextant.server.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Background work on H2 and PostgreSQL, with two nodes (two schedulers, two pools) on one database
 * where it matters. Polls are a tenth of a second so the cluster's behaviour shows quickly;
 * heartbeats are a second (dead after 4 s), so that a busy test machine never makes a live run look
 * dead, except in the test of a dead node, which beats five times a second.
 */
class BackgroundWorkTest {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration QUICK_HEARTBEAT = Duration.ofMillis(200);
  private static final int MISSED_HEARTBEATS = 4;
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @RegisterExtension final TestCluster cluster = new TestCluster();

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void each_run_of_recurring_work_happens_on_exactly_one_of_two_nodes(SchedulerDialect db)
      throws InterruptedException {
    Collection<Instant> runs = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> runsByNode = new ConcurrentHashMap<>();
    BackgroundWork a = cluster.node(db, fast("a"), List.of(tick("a", runs, runsByNode)), List.of());
    BackgroundWork b = cluster.node(db, fast("b"), List.of(tick("b", runs, runsByNode)), List.of());

    a.start();
    b.start();
    Eventually.within(LIMIT, "10 runs of the tick", () -> runs.size() >= 10);
    a.close();
    b.close();

    assertThat(runs).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(10);
    System.out.printf("%s: %d runs of the tick by node %s%n", db, runs.size(), runsByNode);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void one_time_work_scheduled_from_both_nodes_runs_once_per_instance(SchedulerDialect db)
      throws InterruptedException {
    Collection<String> runs = new ConcurrentLinkedQueue<>();
    OneTimeWork check = new OneTimeWork("drift-check", runs::add);
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of(check));
    BackgroundWork b = cluster.node(db, fast("b"), List.of(), List.of(check));
    List<String> instances = new ArrayList<>();
    // Scheduled from both before either runs it: once it has run, scheduling it again is new work.
    for (int i = 0; i < 30; i++) {
      instances.add("from-both-" + i);
      assertThat(a.scheduleNow(check, "from-both-" + i, "1")).isTrue();
      assertThat(b.scheduleNow(check, "from-both-" + i, "1")).isFalse();
    }
    a.start();
    b.start();

    for (int i = 0; i < 30; i++) {
      instances.add("from-a-" + i);
      instances.add("from-b-" + i);
      a.scheduleNow(check, "from-a-" + i, "1");
      b.scheduleNow(check, "from-b-" + i, "1");
    }
    Eventually.within(LIMIT, "every instance ran", () -> new HashSet<>(runs).size() == 90);
    a.close();
    b.close();

    assertThat(runs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(instances);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void the_run_of_a_node_that_stops_heart_beating_is_revived_on_the_other_node(SchedulerDialect db)
      throws InterruptedException {
    CountDownLatch startedOnA = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    OneTimeWork hangs = new OneTimeWork("drift-check", id -> hang(startedOnA, releaseA));
    Collection<String> ranOnB = new ConcurrentLinkedQueue<>();
    OneTimeWork completes = new OneTimeWork("drift-check", ranOnB::add);
    BackgroundWork a = cluster.node(db, quickHeartbeat("a"), List.of(), List.of(hangs));
    BackgroundWork b = cluster.node(db, quickHeartbeat("b"), List.of(), List.of(completes));
    try {
      a.start();
      a.scheduleNow(hangs, "production", "1");
      assertThat(startedOnA.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      b.start();

      // Closing A stops its heart-beating; its run ignores the interrupt and hangs on, as a run on
      // a node that froze or lost the database would.
      a.close();
      Duration revived = Eventually.within(LIMIT, "B ran it", () -> !ranOnB.isEmpty());

      // Within LIMIT, not db-scheduler's default of half an hour: B uses the quick heartbeats.
      assertThat(ranOnB).containsExactly("production");
      System.out.printf("%s: revived on B %d ms after A closed%n", db, revived.toMillis());
    } finally {
      releaseA.countDown();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void waking_a_node_runs_work_made_due_now_without_waiting_for_its_next_poll(SchedulerDialect db)
      throws InterruptedException {
    CountDownLatch firstPollDone = new CountDownLatch(1);
    RecurringWork hourly =
        RecurringWork.of("hourly", Duration.ofHours(1), firstPollDone::countDown);
    Collection<String> ranOnB = new ConcurrentLinkedQueue<>();
    OneTimeWork check = new OneTimeWork("drift-check", ranOnB::add);
    // A only schedules: it never starts, so only B can run the work.
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of(check));
    BackgroundWork b = cluster.node(db, slowPolling("b"), List.of(hourly), List.of(check));
    b.start();
    assertThat(firstPollDone.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    a.scheduleNow(check, "production", "1");
    // Waking A does not wake B, which now waits out its 30 s poll: half a second shows it waits.
    Thread.sleep(500);
    assertThat(ranOnB).as("run before B was woken").isEmpty();

    b.wake();
    Duration ran = Eventually.within(Duration.ofSeconds(2), "B ran it", () -> !ranOnB.isEmpty());
    assertThat(ranOnB).containsExactly("production");
    System.out.printf("%s: ran %d ms after wake%n", db, ran.toMillis());
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void schedule_now_runs_the_work_on_its_own_node_at_once(SchedulerDialect db)
      throws InterruptedException {
    CountDownLatch firstPollDone = new CountDownLatch(1);
    RecurringWork hourly =
        RecurringWork.of("hourly", Duration.ofHours(1), firstPollDone::countDown);
    Collection<String> runs = new ConcurrentLinkedQueue<>();
    OneTimeWork check = new OneTimeWork("drift-check", runs::add);
    BackgroundWork a = cluster.node(db, slowPolling("a"), List.of(hourly), List.of(check));
    a.start();
    assertThat(firstPollDone.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(a.scheduleNow(check, "production", "1")).isTrue();

    Duration ran = Eventually.within(Duration.ofSeconds(2), "it ran", () -> !runs.isEmpty());
    assertThat(runs).containsExactly("production");
    System.out.printf("%s: ran %d ms after it was scheduled%n", db, ran.toMillis());
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void scheduling_an_instance_that_is_already_due_schedules_nothing(SchedulerDialect db) {
    OneTimeWork check = new OneTimeWork("drift-check", id -> {});
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of(check));

    assertThat(a.scheduleNow(check, "production", "1")).isTrue();
    assertThat(a.scheduleNow(check, "production", "1")).isFalse();
    assertThat(a.scheduleNow(check, "staging", "1")).isTrue();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void a_new_occasion_runs_again_even_while_a_run_for_an_earlier_one_is_in_progress(
      SchedulerDialect db) throws InterruptedException {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Collection<String> runs = new ConcurrentLinkedQueue<>();
    OneTimeWork check =
        new OneTimeWork(
            "drift-check",
            subject -> {
              if (runs.isEmpty()) {
                runs.add(subject);
                hang(firstStarted, releaseFirst);
              } else {
                runs.add(subject);
              }
            });
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of(check));
    a.start();
    try {
      assertThat(a.scheduleNow(check, "production", "revision-1")).isTrue();
      assertThat(firstStarted.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

      // The first run may have read revision 1; revision 2 must be looked at by a run of its own.
      assertThat(a.scheduleNow(check, "production", "revision-1")).isFalse();
      assertThat(a.scheduleNow(check, "production", "revision-2")).isTrue();

      Eventually.within(LIMIT, "the second run", () -> runs.size() == 2);
      assertThat(runs).containsExactly("production", "production");
    } finally {
      releaseFirst.countDown();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void recurring_work_whose_body_throws_keeps_its_schedule(SchedulerDialect db)
      throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    RecurringWork failing =
        RecurringWork.of(
            "failing",
            Duration.ofMillis(50),
            () -> {
              runs.incrementAndGet();
              throw new IllegalStateException("expected by the test: the body fails every time");
            });
    BackgroundWork a = cluster.node(db, fast("a"), List.of(failing), List.of());
    a.start();

    Eventually.within(LIMIT, "3 runs", () -> runs.get() >= 3);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void one_time_work_whose_body_throws_runs_again_after_its_retry_delay(SchedulerDialect db)
      throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    Collection<String> done = new ConcurrentLinkedQueue<>();
    Consumer<String> failsOnce =
        id -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("expected by the test: the first attempt fails");
          }
          done.add(id);
        };
    OneTimeWork check = new OneTimeWork("drift-check", Duration.ofMillis(200), failsOnce);
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of(check));
    a.start();

    a.scheduleNow(check, "production", "1");

    Eventually.within(LIMIT, "the retry ran", () -> !done.isEmpty());
    assertThat(done).containsExactly("production");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void a_node_refuses_two_works_of_one_name() {
    RecurringWork recurring = RecurringWork.of("drift-check", Duration.ofMinutes(1), () -> {});
    OneTimeWork oneTime = new OneTimeWork("drift-check", id -> {});

    assertThatThrownBy(
            () ->
                cluster.node(SchedulerDialect.H2, fast("a"), List.of(recurring), List.of(oneTime)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two background works are named drift-check");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void scheduling_work_the_node_was_not_given_is_refused(SchedulerDialect db) {
    BackgroundWork a = cluster.node(db, fast("a"), List.of(), List.of());

    assertThatThrownBy(() -> a.scheduleNow(new OneTimeWork("other", id -> {}), "production", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no one-time work named other on this node");
  }

  @Test
  void a_subject_holding_the_separator_is_refused() {
    OneTimeWork check = new OneTimeWork("drift-check", id -> {});
    BackgroundWork a = cluster.node(SchedulerDialect.H2, fast("a"), List.of(), List.of(check));

    assertThatThrownBy(() -> a.scheduleNow(check, "prod@eu", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold no '@'");
  }

  private static WorkSettings fast(String node) {
    return new WorkSettings(node, POLL, HEARTBEAT, MISSED_HEARTBEATS, 4, Duration.ofMillis(100));
  }

  private static WorkSettings quickHeartbeat(String node) {
    return new WorkSettings(
        node, POLL, QUICK_HEARTBEAT, MISSED_HEARTBEATS, 4, Duration.ofMillis(100));
  }

  /** A node that, once it has looked for due work at start, waits 30 s before it looks again. */
  private static WorkSettings slowPolling(String node) {
    return new WorkSettings(
        node, Duration.ofSeconds(30), HEARTBEAT, MISSED_HEARTBEATS, 2, Duration.ofSeconds(1));
  }

  private static RecurringWork tick(
      String node, Collection<Instant> runs, Map<String, AtomicInteger> runsByNode) {
    return new RecurringWork(
        "tick",
        Duration.ofMillis(100),
        due -> {
          runs.add(due);
          runsByNode.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
        });
  }

  /** Blocks until released, through interrupts, as a run on a frozen node would. */
  private static void hang(CountDownLatch started, CountDownLatch release) {
    started.countDown();
    boolean interrupted = false;
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
