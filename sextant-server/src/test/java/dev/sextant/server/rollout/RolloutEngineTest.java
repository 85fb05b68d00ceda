package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EmbeddedPostgresServer;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.RolloutCommandRan;
import dev.sextant.server.store.RolloutMoved;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The durable engine on a real store, H2 and PostgreSQL: each move is committed before its commands
 * run, each command runs once across crashes, and two engines on one store never both move a
 * rollout from the same version.
 */
class RolloutEngineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Revisions REVISIONS = new Revisions("sample-1", "sample-2");

  enum Store {
    H2,
    POSTGRESQL
  }

  @TempDir Path home;
  private final List<Database> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void a_canary_runs_to_success_with_every_command_carried_out_once(Store store) throws Exception {
    Database database = open(store);
    Recording target = new Recording();
    RolloutEngine engine = new RolloutEngine(database, target, target, CLOCK);

    RolloutState state = engine.start("r1", "sample", "dev", REVISIONS, 2, canary(), "alice");
    state = driveToTheEnd(engine, target, state);

    assertThat(state.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(engine.state("r1")).isEqualTo(state);
    assertThat(target.keys()).doesNotHaveDuplicates().hasSizeGreaterThan(5);
    assertThat(target.commands().get(0))
        .isEqualTo(new RolloutCommand.SetCanaryWeight("r1/1/0", 10));
    long moves = count(database, RolloutMoved.TYPE);
    long ran = count(database, RolloutCommandRan.TYPE);
    assertThat(moves).isEqualTo(state.version());
    assertThat(ran).isEqualTo(target.keys().size());
    assertThat(engine.recover()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void commands_left_undone_by_a_crash_are_carried_out_once_by_the_next_engine(Store store) {
    Database database = open(store);
    // The first engine's target dies on the abort's commands: the move is committed, its commands
    // are not carried out, as when the server is killed between the two.
    Recording crashing = new Recording();
    RolloutEngine first = new RolloutEngine(database, crashing, crashing, CLOCK);
    first.start("r1", "sample", "dev", REVISIONS, 2, canary(), "alice");
    crashing.dead.set(true);
    RolloutState aborted =
        first.deliver("r1", new RolloutEvent.Abort(CLOCK.instant(), "alice", "bad build"));
    assertThat(aborted.phase()).isEqualTo(Phase.ABORTED);
    assertThat(crashing.commands()).hasSize(1); // the start's weight 10 only

    Recording next = new Recording();
    RolloutEngine restarted = new RolloutEngine(database, next, next, CLOCK);
    int carried = restarted.recover();

    assertThat(carried).isEqualTo(next.commands().size()).isPositive();
    assertThat(next.commands().get(0)).isEqualTo(new RolloutCommand.SetCanaryWeight("r1/2/0", 0));
    assertThat(next.keys()).allMatch(k -> k.startsWith("r1/2/")).doesNotHaveDuplicates();
    assertThat(restarted.recover()).as("a second recovery finds nothing left").isZero();
    assertThat(new RolloutEngine(database, new Recording(), CLOCK).recover()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void two_engines_promoting_at_once_move_the_rollout_once(Store store) throws Exception {
    Database database = open(store);
    Recording target = new Recording();
    RolloutEngine a = new RolloutEngine(database, target, target, CLOCK);
    RolloutEngine b = new RolloutEngine(database, target, target, CLOCK);
    a.start("r1", "sample", "dev", REVISIONS, 2, canary(), "alice");
    long before = a.state("r1").version();

    CountDownLatch go = new CountDownLatch(1);
    List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> both = new ArrayList<>();
    for (RolloutEngine engine : List.of(a, b)) {
      both.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  go.await();
                  outcomes.add(
                      engine.deliver("r1", new RolloutEvent.Promote(CLOCK.instant(), "bob")));
                } catch (RolloutRefusal e) {
                  outcomes.add(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    go.countDown();
    CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get();

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes).filteredOn(RolloutState.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(RolloutRefusal.class::isInstance)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((RolloutRefusal) e).getMessage())
                    .contains("cannot promote: the rollout is"));
    assertThat(a.state("r1").version()).isEqualTo(before + 1);
    assertThat(a.state("r1").phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(target.keys()).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void an_operation_the_state_does_not_allow_is_refused_and_changes_nothing(Store store) {
    Database database = open(store);
    RolloutEngine engine = new RolloutEngine(database, new Recording(), CLOCK);
    engine.start("r1", "sample", "dev", REVISIONS, 2, canary(), "alice");
    long events = lastEvent(database);

    assertThatThrownBy(() -> engine.deliver("r1", new RolloutEvent.Resume(CLOCK.instant(), "bob")))
        .isInstanceOfSatisfying(
            RolloutRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT))
        .hasMessageContaining("cannot resume");
    assertThatThrownBy(() -> engine.deliver("ghost", new RolloutEvent.Resume(CLOCK.instant(), "b")))
        .isInstanceOfSatisfying(
            RolloutRefusal.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    assertThat(engine.state("r1").version()).isEqualTo(1);
    assertThat(lastEvent(database)).isEqualTo(events);
  }

  /** Answers each command as a target would, until the rollout ends. */
  private static RolloutState driveToTheEnd(
      RolloutEngine engine, Recording target, RolloutState state) {
    for (int moves = 0; !state.phase().terminal(); moves++) {
      assertThat(moves).as("the rollout ends").isLessThan(50);
      RolloutCommand last = target.commands().get(target.commands().size() - 1);
      Instant at = CLOCK.instant();
      RolloutEvent event =
          last instanceof RolloutCommand.ScheduleTimer timer
              ? new RolloutEvent.TimerFired(at, timer.timer())
              : last instanceof RolloutCommand.StartAnalysis
                  ? new RolloutEvent.MeasurementTaken(at, RolloutEvent.Verdict.SUCCESSFUL, "ok")
                  : last instanceof RolloutCommand.RequestApproval
                      ? new RolloutEvent.Approved(at, "carol")
                      : new RolloutEvent.StepFinished(at);
      state = engine.deliver("r1", event);
    }
    return state;
  }

  private static long lastEvent(Database database) {
    Long sequence = database.read("the last event", tx -> tx.events().lastSequence());
    return sequence;
  }

  private static long count(Database database, String type) {
    return database
        .read("events", tx -> tx.events().list(EventQuery.last(1000).ofType(type)))
        .size();
  }

  private Database open(Store store) {
    Database database =
        switch (store) {
          case H2 -> Database.h2(home, CLOCK);
          case POSTGRESQL ->
              Database.open(
                  EmbeddedPostgresServer.newDatabase(), Optional.empty(), Optional.empty(), CLOCK);
        };
    opened.add(database);
    return database;
  }

  /** The example canary-standard strategy's spec. */
  private static ObjectNode canary() {
    try {
      return (ObjectNode)
          new ObjectMapper(new YAMLFactory())
              .readTree(Path.of("..", "examples", "strategies", "canary-standard.yaml").toFile())
              .path("spec");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A target that records what it carried out, or dies when told to; it keeps the rollout's timers
   * too, as commands, so that a test answers them as it answers the others.
   */
  private static final class Recording implements RolloutTarget, RolloutTimers {
    final AtomicBoolean dead = new AtomicBoolean();
    private final List<RolloutCommand> commands = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void run(String rollout, RolloutCommand command) {
      if (dead.get()) {
        throw new IllegalStateException("the server was killed");
      }
      commands.add(command);
    }

    @Override
    public void timer(String rollout, String timer, Instant at) {
      run(rollout, new RolloutCommand.ScheduleTimer(timer, timer, at));
    }

    @Override
    public void deadline(String rollout, long version, Instant at) {}

    List<RolloutCommand> commands() {
      return List.copyOf(commands);
    }

    List<String> keys() {
      return commands().stream().map(RolloutCommand::idempotencyKey).toList();
    }
  }
}
