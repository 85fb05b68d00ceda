package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.store.Database;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers and deadlines kept by db-scheduler on the store fire by themselves: a timed pause ends and
 * the next step starts; a step the target never confirms fails the rollout at its deadline, the
 * canary's weight 0 first.
 */
class RolloutWorkTest {
  private static final Revisions REVISIONS = new Revisions("sample-1", "sample-2");

  @TempDir Path home;
  private Database database;
  private BackgroundWork work;
  private RolloutEngine engine;
  private final List<RolloutCommand> carried = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    database = Database.h2(home, Clock.systemUTC());
    RolloutWork rollouts = new RolloutWork();
    work =
        new BackgroundWork(
            database.dataSource(),
            SchedulerDialect.of(database.dialect()),
            new WorkSettings(
                "rollout-work-test",
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                4,
                4,
                Duration.ofMillis(100)),
            List.of(),
            rollouts.works());
    engine =
        new RolloutEngine(
            database, (rollout, command) -> carried.add(command), rollouts, Clock.systemUTC());
    rollouts.drive(engine, work);
    work.start();
  }

  @AfterEach
  void stop() {
    work.close();
    database.close();
  }

  @Test
  void a_timed_pause_ends_by_itself_and_the_next_step_starts() throws Exception {
    engine.start("r1", "sample", "dev", REVISIONS, 1, strategy("30s"), "alice");
    engine.deliver("r1", new RolloutEvent.StepFinished(Clock.systemUTC().instant()));

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.step() == 2);

    assertThat(after.weight()).isEqualTo(60);
    // A move is committed before its commands run: the target gets the weight a moment later.
    List<RolloutCommand> all = eventually(() -> List.copyOf(carried), c -> c.size() == 2);
    assertThat(all)
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("SetCanaryWeight", "SetCanaryWeight");
  }

  @Test
  void a_step_never_confirmed_fails_the_rollout_at_its_deadline() throws Exception {
    engine.start("r1", "sample", "dev", REVISIONS, 1, strategy("2s"), "alice");

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.phase().terminal());

    assertThat(after.phase()).isEqualTo(Phase.FAILED);
    assertThat(after.reason()).contains("deadline");
    assertThat(after.weight()).isZero();
    List<RolloutCommand> all =
        eventually(
            () -> List.copyOf(carried),
            c -> c.get(c.size() - 1) instanceof RolloutCommand.RecordOutcome);
    assertThat(all.get(1))
        .as("the abort's first command is weight 0: " + all)
        .isEqualTo(new RolloutCommand.SetCanaryWeight("r1/2/0", 0));
  }

  /** setWeight 20, a pause of 1 s, setWeight 60, promote; each step bounded by {@code deadline}. */
  private static ObjectNode strategy(String deadline) throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [{"setWeight": 20}, {"pause": {"duration": "1s"}},
                                      {"setWeight": 60}, {"promote": {}}]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "%s"}}
                """
                    .formatted(deadline));
  }

  private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T value = read.get();
    while (!done.test(value)) {
      assertThat(System.nanoTime()).as("in time; last seen " + value).isLessThan(until);
      // Polling the store: the timer fires on db-scheduler's thread, at its own pace.
      Thread.sleep(50);
      value = read.get();
    }
    return value;
  }
}
