package dev.sextant.server.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.StrategySpec;
import dev.sextant.core.rollout.Hold;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutMachine;
import dev.sextant.core.rollout.RolloutPlan;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.core.rollout.Transition;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.PendingCommand;
import dev.sextant.server.store.RolloutCommandRan;
import dev.sextant.server.store.RolloutMoved;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives rollouts durably. A rollout's state is the machine replayed over the events it took; a new
 * event is decided and committed in one unit of work (the version moves by compare-and-set, the
 * commands are written with it, with a {@code rollout.moved} event) before any command is carried
 * out. Each command carried out is marked done with a {@code rollout.command-ran} event; after a
 * crash, {@link #recover()} carries out those that were not, under their idempotency keys. A server
 * that read an older version loses the compare-and-set and decides again on what is there.
 */
public final class RolloutEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

  private final Database database;
  private final RolloutTarget target;
  private final RolloutTimers timers;
  private final Clock clock;
  private final RolloutHooks hooks;
  private final RolloutMachine machine = new RolloutMachine();

  public RolloutEngine(
      Database database,
      RolloutTarget target,
      RolloutTimers timers,
      Clock clock,
      RolloutHooks hooks) {
    this.database = database;
    this.target = target;
    this.timers = timers;
    this.clock = clock;
    this.hooks = hooks;
  }

  public RolloutEngine(Database database, RolloutTarget target, RolloutTimers timers, Clock clock) {
    this(database, target, timers, clock, RolloutHooks.NONE);
  }

  /** An engine whose timers and deadlines nothing fires: every event comes from its caller. */
  public RolloutEngine(Database database, RolloutTarget target, Clock clock) {
    this(database, target, RolloutTimers.NONE, clock);
  }

  /**
   * Stores a rollout and starts it.
   *
   * @param strategy the spec of the Strategy it follows, as JSON
   * @throws IllegalArgumentException when the strategy cannot be read
   */
  public RolloutState start(
      String id,
      String service,
      String environment,
      Revisions revisions,
      int instances,
      ObjectNode strategy,
      String by) {
    return start(id, service, environment, revisions, instances, strategy, by, tx -> {});
  }

  /**
   * Stores a rollout and starts it, writing {@code alongside} (a lock taken, what it deploys) in
   * the same transaction; what {@code alongside} throws leaves nothing stored.
   *
   * @throws IllegalArgumentException when the strategy cannot be read
   */
  public RolloutState start(
      String id,
      String service,
      String environment,
      Revisions revisions,
      int instances,
      ObjectNode strategy,
      String by,
      java.util.function.Consumer<Transaction> alongside) {
    // A strategy that cannot be compiled is refused before anything is stored.
    RolloutPlan plan =
        RolloutPlan.of((StrategySpec) Specs.read(Kind.STRATEGY, strategy), instances);
    Decision moved =
        database.write(
            "start rollout " + id,
            tx -> {
              tx.rollouts()
                  .create(
                      id,
                      service,
                      environment,
                      revisions.stable(),
                      revisions.canary(),
                      instances,
                      strategy,
                      phase(RolloutState.pending(id, plan, revisions)),
                      by);
              alongside.accept(tx);
              return decide(tx, id, new RolloutEvent.Started(clock.instant()), Optional.of(by));
            });
    return after(id, moved);
  }

  /**
   * Gives the rollout an event: a timer fired, a verdict, an operator's promote…
   *
   * @throws RolloutRefusal conflict when its state does not allow the event (nothing changes), not
   *     found for an unknown rollout
   */
  public RolloutState deliver(String id, RolloutEvent event) {
    Decision moved =
        database.write("move rollout " + id, tx -> decide(tx, id, event, operator(event)));
    return after(id, moved);
  }

  /**
   * A timer of the rollout is due. One the rollout no longer waits for (it moved on, or an operator
   * acted first) changes nothing.
   */
  public void fire(String id, String timer) {
    try {
      deliver(id, new RolloutEvent.TimerFired(clock.instant(), timer));
    } catch (RolloutRefusal e) {
      LOG.info("rollout {}: timer {} is no longer awaited: {}", id, timer, e.getMessage());
    }
  }

  /**
   * The deadline of the step the rollout was in at {@code version} has come: when it is still
   * there, the step has failed to finish in time.
   */
  public void deadlinePassed(String id, long version) {
    RolloutState state = state(id);
    if (state.version() != version || state.phase().terminal()) {
      return;
    }
    try {
      deliver(id, new RolloutEvent.DeadlinePassed(clock.instant()));
    } catch (RolloutRefusal e) {
      LOG.info(
          "rollout {}: its deadline at version {} passed unheeded: {}",
          id,
          version,
          e.getMessage());
    }
  }

  /** After a move is committed: its deadline set, its commands carried out. */
  private RolloutState after(String id, Decision decision) {
    long decided = System.nanoTime();
    RolloutState state = decision.moved().state();
    hooks.moved(decision.stored(), state, decision.ended());
    state.deadline().ifPresent(at -> timers.deadline(id, state.version(), at));
    carryOut(id, decision.moved().commands());
    if (cutsTheCanary(decision.moved())) {
      hooks.canaryCut(
          decision.stored(), state, java.time.Duration.ofNanos(System.nanoTime() - decided));
    }
    return state;
  }

  /**
   * Whether the move took the canary out of traffic for a failure or an abort: its first command
   * sets weight 0 and it ends other than in success, or holds for a failure.
   */
  private static boolean cutsTheCanary(Transition.Moved moved) {
    RolloutState state = moved.state();
    boolean failing =
        (state.phase().terminal() && state.phase() != Phase.SUCCEEDED)
            || state.hold().equals(Optional.of(Hold.FAILURE));
    return failing
        && !moved.commands().isEmpty()
        && moved.commands().get(0) instanceof RolloutCommand.SetCanaryWeight set
        && set.weight() == 0;
  }

  /** A move decided and written, the rollout as read for it, and whether the move ended it. */
  private record Decision(Transition.Moved moved, StoredRollout stored, boolean ended) {}

  /** The rollout as its events left it. */
  public RolloutState state(String id) {
    return database.read(
        "read rollout " + id,
        tx -> replay(stored(tx, id), tx.rollouts().events(id), Long.MAX_VALUE).state());
  }

  /** The rollout's state after each of its events, in order: its history as the machine saw it. */
  public List<RolloutState> path(String id) {
    return database.read(
        "read rollout " + id,
        tx -> {
          StoredRollout stored = stored(tx, id);
          List<String> events = tx.rollouts().events(id);
          StrategySpec spec = (StrategySpec) Specs.read(Kind.STRATEGY, stored.strategy());
          RolloutState state =
              RolloutState.pending(
                  id,
                  RolloutPlan.of(spec, stored.instances()),
                  new Revisions(stored.stableRevision(), stored.canaryRevision()));
          List<RolloutState> path = new ArrayList<>();
          for (String text : events) {
            Transition transition = machine.next(state, RolloutEventJson.read(text));
            if (!(transition instanceof Transition.Moved moved)) {
              break;
            }
            state = moved.state();
            path.add(state);
          }
          return path;
        });
  }

  /**
   * Carries out every command written with a committed transition and not marked done (what a crash
   * between the commit and the target left undone), and sets the deadline of every running rollout
   * again. Run at start, before new work.
   *
   * @return how many commands were carried out
   */
  public int recover() {
    // Deadlines set before a crash may be lost with it; setting one again keeps one.
    for (String id : database.read("list rollouts", tx -> tx.rollouts().running())) {
      RolloutState state = state(id);
      state.deadline().ifPresent(at -> timers.deadline(id, state.version(), at));
    }
    List<PendingCommand> pending =
        database.read("list pending commands", tx -> tx.rollouts().pending());
    return carryOutPending(pending);
  }

  /**
   * Carries out the commands of moves committed more than {@code grace} ago and still not done:
   * what a server that died after its commit left behind, or a target refused. A younger command
   * may still be in the hands of the server that made its move, so {@code grace} must outlast the
   * slowest command a target carries out; carrying one out twice would be safe, but wasted. The
   * deadlines of those rollouts are set again too, since the server that died may have died before
   * it set one. Meant to run now and then on any one server of a cluster, as {@link RolloutWork}'s
   * sweep does.
   *
   * @return how many commands were carried out
   */
  public int sweep(Duration grace) {
    Instant before = clock.instant().minus(grace);
    List<PendingCommand> stale =
        database.read("list stale commands", tx -> tx.rollouts().pendingBefore(before));
    for (String id : stale.stream().map(PendingCommand::rollout).distinct().toList()) {
      RolloutState state = state(id);
      state.deadline().ifPresent(at -> timers.deadline(id, state.version(), at));
    }
    return carryOutPending(stale);
  }

  /** Carries out pending commands, each as the move that wrote it asked for it. */
  private int carryOutPending(List<PendingCommand> pending) {
    Map<String, List<PendingCommand>> byTransition = new LinkedHashMap<>();
    for (PendingCommand command : pending) {
      byTransition
          .computeIfAbsent(command.rollout() + "@" + command.version(), k -> new ArrayList<>())
          .add(command);
    }
    int done = 0;
    for (List<PendingCommand> commands : byTransition.values()) {
      PendingCommand first = commands.get(0);
      Set<String> keys =
          commands.stream().map(PendingCommand::idempotencyKey).collect(Collectors.toSet());
      List<RolloutCommand> again =
          database.read(
              "replay rollout " + first.rollout(),
              tx ->
                  replay(
                          stored(tx, first.rollout()),
                          tx.rollouts().events(first.rollout()),
                          first.version())
                      .commands());
      List<RolloutCommand> undone =
          again.stream().filter(c -> keys.contains(c.idempotencyKey())).toList();
      LOG.info(
          "rollout {}: carrying out {} command(s) of version {} left undone",
          first.rollout(),
          undone.size(),
          first.version());
      done += carryOut(first.rollout(), undone);
    }
    return done;
  }

  /**
   * Decides the event on the stored state and writes the move; the caller's unit of work commits.
   */
  private Decision decide(
      Transaction tx, String id, RolloutEvent event, Optional<String> operator) {
    StoredRollout stored = stored(tx, id);
    RolloutState state = replay(stored, tx.rollouts().events(id), Long.MAX_VALUE).state();
    Transition transition = machine.next(state, event);
    if (transition instanceof Transition.Refused refused) {
      throw new RolloutRefusal(ProblemKind.CONFLICT, "rollout " + id + ": " + refused.reason());
    }
    Transition.Moved moved = (Transition.Moved) transition;
    RolloutState next = moved.state();
    tx.rollouts()
        .advance(
            id,
            state.version(),
            RolloutEventJson.write(event),
            phase(next),
            next.weight(),
            moved.commands().stream().map(RolloutCommand::idempotencyKey).toList(),
            moved.commands().stream().map(c -> c.getClass().getSimpleName()).toList());
    tx.events()
        .append(
            new RolloutMoved(
                id,
                next.version(),
                event.verb(),
                phase(next),
                next.weight(),
                next.reason(),
                moved.commands().size(),
                operator));
    boolean ended = next.phase().terminal() && !state.phase().terminal();
    if (ended) {
      hooks.ended(tx, stored, next);
    }
    return new Decision(moved, stored, ended);
  }

  /** The operator whose verb the event is; empty for what the engine itself observed or timed. */
  private static Optional<String> operator(RolloutEvent event) {
    if (event instanceof RolloutEvent.Approved approved) {
      return Optional.of(approved.by());
    } else if (event instanceof RolloutEvent.Pause pause) {
      return Optional.of(pause.by());
    } else if (event instanceof RolloutEvent.Resume resume) {
      return Optional.of(resume.by());
    } else if (event instanceof RolloutEvent.Abort abort) {
      return Optional.of(abort.by());
    } else if (event instanceof RolloutEvent.Promote promote) {
      return Optional.of(promote.by());
    } else if (event instanceof RolloutEvent.Retry retry) {
      return Optional.of(retry.by());
    } else if (event instanceof RolloutEvent.Undo undo) {
      return Optional.of(undo.by());
    }
    return Optional.empty();
  }

  /**
   * Carries out commands in order, each marked done once the target has it; stops at the first the
   * target refuses, which stays pending for {@link #recover()}.
   */
  private int carryOut(String id, List<RolloutCommand> commands) {
    int done = 0;
    for (RolloutCommand command : commands) {
      String key = command.idempotencyKey();
      boolean already = database.read("read command " + key, tx -> tx.rollouts().done(key));
      if (already) {
        continue;
      }
      try {
        if (command instanceof RolloutCommand.ScheduleTimer timer) {
          timers.timer(id, timer.timer(), timer.at());
        } else {
          target.run(id, command);
        }
      } catch (RuntimeException e) {
        LOG.warn("rollout {}: command {} failed; it stays pending: {}", id, key, e.getMessage());
        return done;
      }
      database.write(
          "mark command " + key + " done",
          tx -> {
            if (tx.rollouts().markDone(key)) {
              tx.events()
                  .append(new RolloutCommandRan(id, key, command.getClass().getSimpleName()));
            }
            return null;
          });
      done++;
    }
    return done;
  }

  /**
   * The rollout's state after its first {@code upTo - 1} events, and the move its {@code upTo}-th
   * made (all of them when {@code upTo} is past the end).
   */
  private Transition.Moved replay(StoredRollout stored, List<String> events, long upTo) {
    StrategySpec spec = (StrategySpec) Specs.read(Kind.STRATEGY, stored.strategy());
    RolloutState state =
        RolloutState.pending(
            stored.id(),
            RolloutPlan.of(spec, stored.instances()),
            new Revisions(stored.stableRevision(), stored.canaryRevision()));
    Transition.Moved last = new Transition.Moved(state, List.of());
    long version = 0;
    for (String text : events) {
      version++;
      if (version > upTo) {
        break;
      }
      Transition transition = machine.next(last.state(), RolloutEventJson.read(text));
      if (!(transition instanceof Transition.Moved moved)) {
        throw new IllegalStateException(
            "rollout "
                + stored.id()
                + ": its stored event "
                + version
                + " does not replay: "
                + ((Transition.Refused) transition).reason());
      }
      last = moved;
    }
    return last;
  }

  private static StoredRollout stored(Transaction tx, String id) {
    return tx.rollouts()
        .find(id)
        .orElseThrow(() -> new RolloutRefusal(ProblemKind.NOT_FOUND, "no rollout " + id));
  }

  private static String phase(RolloutState state) {
    return state.phase().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
