package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.PendingCommand;
import dev.sextant.server.store.SettableClock;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep carries out the commands a server left pending once they are older than the grace
 * period, and only then, so that a live server's own commands are not taken from it; on
 * db-scheduler it runs by itself on whichever server is alive.
 */
class RolloutSweepTest {
  private static final Revisions REVISIONS = new Revisions("sample-1", "sample-2");
  private static final Duration GRACE = Duration.ofSeconds(30);

  @TempDir Path home;

  @Test
  void a_command_pending_for_longer_than_the_grace_period_is_carried_out_once() throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    Database database = Database.h2(home, clock);
    try {
      Recording target = new Recording();
      target.refusing.set(true);
      RolloutEngine engine = new RolloutEngine(database, target, target, clock);
      engine.start("r1", "sample", "dev", REVISIONS, 1, strategy(), "alice");
      assertThat(pending(database)).as("the target refused it").containsExactly("r1/1/0");
      assertThat(target.deadlines).containsExactly("r1@1");
      target.deadlines.clear();

      target.refusing.set(false);
      clock.advance(GRACE.minusSeconds(1));
      assertThat(engine.sweep(GRACE)).as("younger than the grace period").isZero();
      assertThat(target.carried).isEmpty();
      assertThat(target.deadlines).isEmpty();

      clock.advance(Duration.ofSeconds(2));
      assertThat(engine.sweep(GRACE)).isEqualTo(1);
      assertThat(target.carried).containsExactly(new RolloutCommand.SetCanaryWeight("r1/1/0", 20));
      assertThat(pending(database)).isEmpty();
      assertThat(target.deadlines)
          .as("its deadline set again, in case the server that left it never did")
          .containsExactly("r1@1");

      assertThat(engine.sweep(GRACE)).as("nothing left").isZero();
      assertThat(target.carried).hasSize(1);
    } finally {
      database.close();
    }
  }

  @Test
  void the_sweep_on_db_scheduler_carries_out_what_a_dead_server_left() throws Exception {
    Database database = Database.h2(home, Clock.systemUTC());
    // The first server commits the start, then dies before its target has the command.
    Recording dead = new Recording();
    dead.refusing.set(true);
    new RolloutEngine(database, dead, dead, Clock.systemUTC())
        .start("r1", "sample", "dev", REVISIONS, 1, strategy(), "alice");
    assertThat(pending(database)).containsExactly("r1/1/0");

    Recording alive = new Recording();
    RolloutWork rollouts = new RolloutWork(Duration.ofMillis(100), Duration.ofMillis(500));
    BackgroundWork work =
        new BackgroundWork(
            database.dataSource(),
            SchedulerDialect.of(database.dialect()),
            new WorkSettings(
                "sweep-test",
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                4,
                2,
                Duration.ofMillis(100)),
            rollouts.recurring(),
            rollouts.works());
    try {
      rollouts.drive(new RolloutEngine(database, alive, rollouts, Clock.systemUTC()), work);
      work.start();

      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!pending(database).isEmpty()) {
        assertThat(System.nanoTime()).as("swept within 20 s").isLessThan(until);
        Thread.sleep(50);
      }
      assertThat(alive.carried).containsExactly(new RolloutCommand.SetCanaryWeight("r1/1/0", 20));
      assertThat(dead.carried).isEmpty();
    } finally {
      work.close();
      database.close();
    }
  }

  private static List<String> pending(Database database) {
    return database.read("pending", tx -> tx.rollouts().pending()).stream()
        .map(PendingCommand::idempotencyKey)
        .toList();
  }

  /** setWeight 20, then promote. */
  private static ObjectNode strategy() throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree("{\"canary\": {\"steps\": [{\"setWeight\": 20}, {\"promote\": {}}]}}");
  }

  /** A target that keeps what it carried out, and refuses everything while told to. */
  private static final class Recording implements RolloutTarget, RolloutTimers {
    final AtomicBoolean refusing = new AtomicBoolean();
    final List<RolloutCommand> carried = Collections.synchronizedList(new ArrayList<>());
    final List<String> deadlines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void run(String rollout, RolloutCommand command) {
      if (refusing.get()) {
        throw new IllegalStateException("the target is unreachable");
      }
      carried.add(command);
    }

    @Override
    public void timer(String rollout, String timer, Instant at) {}

    @Override
    public void deadline(String rollout, long version, Instant at) {
      deadlines.add(rollout + "@" + version);
    }
  }
}
