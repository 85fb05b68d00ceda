package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real processes: a tiny HTTP service run by this test's own JVM. */
class InstanceSupervisorTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Backoff QUICK =
      new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10));

  @TempDir Path logs;
  private final List<InstanceStatus> told = new CopyOnWriteArrayList<>();
  private InstanceSupervisor supervisor;

  @BeforeEach
  void start() {
    supervisor = new InstanceSupervisor(logs, QUICK, told::add);
  }

  @AfterEach
  void stopAll() {
    supervisor.close();
  }

  private static InstanceSpec tiny(Duration readiness, Duration stop, String... flags) {
    List<String> command = new ArrayList<>(TinyHttp.command("--port={{port}}"));
    command.addAll(List.of(flags));
    return new InstanceSpec(
        command, Map.of("GREETING", "hello {{port}}"), Path.of("."), "/healthz", readiness, stop);
  }

  private static InstanceSpec tiny(String... flags) {
    return tiny(Duration.ofSeconds(15), Duration.ofSeconds(5), flags);
  }

  private List<InstanceStatus> awaitAll(Predicate<InstanceStatus> condition, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<InstanceStatus> now = supervisor.snapshot();
    while (System.nanoTime() < deadline) {
      now = supervisor.snapshot();
      if (now.size() == count && now.stream().allMatch(condition)) {
        return now;
      }
      pause();
    }
    throw new AssertionError("not reached within " + WAIT + ": " + now);
  }

  private static Predicate<InstanceStatus> in(InstanceState state) {
    return s -> s.state() == state;
  }

  private static String get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Test
  void two_instances_become_ready_on_their_own_ports_answer_and_log_apart() throws Exception {
    List<InstanceId> ids = supervisor.start("shop", Track.STABLE, tiny(), 2);

    List<InstanceStatus> ready = awaitAll(in(InstanceState.READY), 2);

    assertThat(ids)
        .containsExactly(
            new InstanceId("shop", Track.STABLE, 1), new InstanceId("shop", Track.STABLE, 2));
    int first = ready.get(0).port();
    int second = ready.get(1).port();
    assertThat(first).isNotEqualTo(second);
    assertThat(get(first, "/")).isEqualTo("200 tiny on " + first + " GREETING=hello " + first);
    assertThat(get(second, "/")).isEqualTo("200 tiny on " + second + " GREETING=hello " + second);
    assertThat(ready.get(0).log()).isEqualTo(logs.resolve("shop/stable-1.log"));
    assertThat(Files.readString(logs.resolve("shop/stable-1.log")))
        .contains("listening on " + first)
        .doesNotContain("listening on " + second);
    assertThat(Files.readString(logs.resolve("shop/stable-2.log")))
        .contains("listening on " + second);
    assertThat(told)
        .filteredOn(in(InstanceState.READY))
        .extracting(InstanceStatus::id)
        .containsExactlyInAnyOrderElementsOf(ids);

    List<InstanceStatus> stopped = supervisor.stop("shop", Track.STABLE);

    assertThat(stopped).allSatisfy(s -> assertThat(s.state()).isEqualTo(InstanceState.STOPPED));
    // the JVM's exit code after our SIGTERM (143) counts as a clean stop
    assertThat(stopped).extracting(InstanceStatus::reason).containsOnly("stopped");
    assertThat(supervisor.snapshot()).isEmpty();
  }

  @Test
  void a_crashed_instance_is_restarted_after_a_back_off_and_becomes_ready_again() {
    supervisor.start("shop", Track.CANARY, tiny(), 1);
    InstanceStatus first = awaitAll(in(InstanceState.READY), 1).get(0);

    ProcessHandle.of(first.pid().getAsLong()).orElseThrow().destroyForcibly();

    InstanceStatus again = awaitAll(in(InstanceState.READY).and(s -> s.restarts() == 1), 1).get(0);
    assertThat(again.pid()).isNotEqualTo(first.pid());
    assertThat(again.log())
        .content()
        .contains("--- sextant: run 1 of shop/canary-1 on port " + first.port())
        .contains("--- sextant: run 2 of shop/canary-1 on port " + again.port());
    assertThat(told)
        .filteredOn(in(InstanceState.CRASHED))
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("exited with code 137; restart in"));
  }

  @Test
  void what_a_crashed_instance_left_behind_is_killed_before_it_restarts() {
    // the child ignores SIGTERM: a short stop timeout keeps the final stop quick
    supervisor.start(
        "shop", Track.STABLE, tiny(Duration.ofSeconds(15), Duration.ofMillis(300), "--child"), 1);
    InstanceStatus first = awaitAll(in(InstanceState.READY), 1).get(0);
    ProcessHandle process = ProcessHandle.of(first.pid().getAsLong()).orElseThrow();
    List<ProcessHandle> family = process.descendants().toList();
    assertThat(family).as("the child and its sleep").isNotEmpty();

    process.destroyForcibly();

    awaitAll(in(InstanceState.READY).and(s -> s.restarts() == 1), 1);
    awaitGone(family);
  }

  /**
   * Waits until none of {@code processes} runs. SIGKILL is delivered asynchronously, and an orphan
   * is reaped by init, so a killed orphan may linger a moment as a zombie; that counts as gone.
   */
  private static void awaitGone(List<ProcessHandle> processes) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> running = List.of();
    while (System.nanoTime() < deadline) {
      running =
          processes.stream()
              .filter(p -> p.isAlive() && !zombie(p))
              .map(p -> p.pid() + " " + stat(p))
              .toList();
      if (running.isEmpty()) {
        return;
      }
      pause();
    }
    throw new AssertionError("still running after " + WAIT + ": " + running);
  }

  private static boolean zombie(ProcessHandle p) {
    String stat = stat(p);
    return stat.length() > stat.lastIndexOf(')') + 2
        && stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
  }

  private static String stat(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_process_group_is_read_from_proc() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcessGroup.groupOf(self)).isPositive();
    assertThat(ProcessGroup.members(ProcessGroup.groupOf(self))).contains(ProcessHandle.current());
    assertThat(ProcessGroup.groupOf(Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void crashes_in_a_row_wait_twice_as_long_each_time() {
    supervisor.start("shop", Track.CANARY, tiny(), 1);

    for (int crash = 1; crash <= 2; crash++) {
      int restarts = crash - 1;
      InstanceStatus ready =
          awaitAll(in(InstanceState.READY).and(s -> s.restarts() == restarts), 1).get(0);
      ProcessHandle.of(ready.pid().getAsLong()).orElseThrow().destroyForcibly();
    }
    awaitAll(in(InstanceState.READY).and(s -> s.restarts() == 2), 1);

    // QUICK resets only after 10 s of readiness, which these runs never reach
    assertThat(told)
        .filteredOn(in(InstanceState.CRASHED))
        .extracting(InstanceStatus::reason)
        .containsExactly(
            "exited with code 137; restart in PT0.05S", "exited with code 137; restart in PT0.1S");
  }

  @Test
  void a_crash_after_long_enough_readiness_waits_the_first_back_off_again() {
    supervisor.close();
    supervisor =
        new InstanceSupervisor(
            logs,
            new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ZERO),
            told::add);
    supervisor.start("shop", Track.CANARY, tiny(), 1);

    for (int crash = 1; crash <= 2; crash++) {
      int restarts = crash - 1;
      InstanceStatus ready =
          awaitAll(in(InstanceState.READY).and(s -> s.restarts() == restarts), 1).get(0);
      ProcessHandle.of(ready.pid().getAsLong()).orElseThrow().destroyForcibly();
    }
    awaitAll(in(InstanceState.READY).and(s -> s.restarts() == 2), 1);

    assertThat(told)
        .filteredOn(in(InstanceState.CRASHED))
        .extracting(InstanceStatus::reason)
        .containsOnly("exited with code 137; restart in PT0.05S");
  }

  @Test
  void a_crashed_instance_waiting_for_its_restart_stops_at_once_and_stays_down() {
    supervisor.close();
    supervisor =
        new InstanceSupervisor(
            logs,
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO),
            told::add);
    supervisor.start("shop", Track.STABLE, tiny(), 1);
    InstanceStatus ready = awaitAll(in(InstanceState.READY), 1).get(0);
    ProcessHandle.of(ready.pid().getAsLong()).orElseThrow().destroyForcibly();
    awaitAll(in(InstanceState.CRASHED), 1);

    InstanceStatus stopped = supervisor.stop("shop", Track.STABLE).get(0);

    assertThat(stopped.state()).isEqualTo(InstanceState.STOPPED);
    assertThat(stopped.reason()).isEqualTo("stopped while waiting to restart");
    assertThat(stopped.restarts()).isZero();
  }

  @Test
  void an_instance_that_ignores_sigterm_is_killed_with_its_child_after_the_stop_timeout()
      throws Exception {
    supervisor.start(
        "shop",
        Track.STABLE,
        tiny(Duration.ofSeconds(15), Duration.ofMillis(500), "--ignore-term", "--child"),
        1);
    InstanceStatus ready = awaitAll(in(InstanceState.READY), 1).get(0);
    ProcessHandle process = ProcessHandle.of(ready.pid().getAsLong()).orElseThrow();
    List<ProcessHandle> family = process.descendants().toList();
    assertThat(family).as("the child and its sleep").isNotEmpty();

    long begun = System.nanoTime();
    InstanceStatus stopped = supervisor.stop("shop", Track.STABLE).get(0);

    assertThat(Duration.ofNanos(System.nanoTime() - begun))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(stopped.state()).isEqualTo(InstanceState.STOPPED);
    assertThat(stopped.reason()).isEqualTo("killed after the stop timeout of PT0.5S");
    assertThat(process.isAlive()).isFalse();
    assertThat(family).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void an_instance_never_ready_in_time_fails_with_the_reason_and_is_not_restarted() {
    supervisor.start(
        "shop",
        Track.CANARY,
        tiny(Duration.ofMillis(700), Duration.ofSeconds(5), "--ready-after-ms=60000"),
        1);

    InstanceStatus failed =
        awaitAll(in(InstanceState.FAILED).and(s -> s.pid().isEmpty()), 1).get(0);

    assertThat(failed.reason())
        .startsWith("not ready: GET http://127.0.0.1:" + failed.port() + "/healthz")
        .contains("gave no 200 within PT0.7S (last: status 503)");
    assertThat(failed.restarts()).isZero();
  }

  @Test
  void a_command_that_cannot_run_fails_at_once() {
    supervisor.start(
        "shop",
        Track.STABLE,
        new InstanceSpec(
            List.of(logs.resolve("no-such-binary").toString(), "{{port}}"),
            Map.of(),
            logs,
            "/healthz",
            Duration.ofSeconds(1),
            Duration.ofSeconds(1)),
        1);

    InstanceStatus failed = awaitAll(in(InstanceState.FAILED), 1).get(0);

    assertThat(failed.reason()).startsWith("cannot start").contains("no-such-binary");
  }
}
