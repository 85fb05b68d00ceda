package dev.sextant.server.rollout;

import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import dev.sextant.server.work.RecurringWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rollout's due work on db-scheduler: a timer is the one-time work {@code rollout-timer} of
 * {@code ROLLOUT@TIMER}, a deadline {@code rollout-deadline} of {@code ROLLOUT@VERSION}, and the
 * recurring {@code rollout-sweep} carries out the commands that a server which died after its
 * commit left pending ({@link RolloutEngine#sweep}). The engine and the background work need each
 * other, so the engine is given once both exist ({@link #drive}).
 */
public final class RolloutWork implements RolloutTimers {
  static final String TIMER = "rollout-timer";
  static final String DEADLINE = "rollout-deadline";
  static final String SWEEP = "rollout-sweep";

  /** How often one server of the cluster looks for commands left pending. */
  public static final Duration DEFAULT_SWEEP_EVERY = Duration.ofSeconds(10);

  /**
   * How long a command may stay pending before another server carries it out: longer than the
   * slowest command a target carries out (the local target waits up to a minute for instances).
   */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

  private final AtomicReference<RolloutEngine> engine = new AtomicReference<>();
  private final AtomicReference<BackgroundWork> work = new AtomicReference<>();
  private final OneTimeWork timers =
      new OneTimeWork(
          TIMER,
          OneTimeWork.DEFAULT_RETRY_DELAY,
          (rollout, timer) -> engine().fire(rollout, timer));
  private final OneTimeWork deadlines =
      new OneTimeWork(
          DEADLINE,
          OneTimeWork.DEFAULT_RETRY_DELAY,
          (rollout, version) -> engine().deadlinePassed(rollout, Long.parseLong(version)));

  private final RecurringWork sweep;

  /** Sweeps every {@link #DEFAULT_SWEEP_EVERY} for commands pending over {@link #DEFAULT_GRACE}. */
  public RolloutWork() {
    this(DEFAULT_SWEEP_EVERY, DEFAULT_GRACE);
  }

  /**
   * @param sweepEvery how long after one sweep ends the next is due
   * @param grace how long a command stays pending before a sweep carries it out
   * @throws IllegalArgumentException when the sweep's delay is not positive or the grace negative
   */
  public RolloutWork(Duration sweepEvery, Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the sweep's grace period is negative: " + grace);
    }
    this.sweep = RecurringWork.of(SWEEP, sweepEvery, () -> engine().sweep(grace));
  }

  /** The one-time works to give the background work when it is built. */
  public List<OneTimeWork> works() {
    return List.of(timers, deadlines);
  }

  /** The recurring works to give the background work when it is built. */
  public List<RecurringWork> recurring() {
    return List.of(sweep);
  }

  /** Connects the engine that fires and the background work that keeps the timers. */
  public void drive(RolloutEngine engine, BackgroundWork work) {
    this.engine.set(engine);
    this.work.set(work);
  }

  @Override
  public void timer(String rollout, String timer, Instant at) {
    background().scheduleAt(timers, rollout, timer, at);
  }

  @Override
  public void deadline(String rollout, long version, Instant at) {
    background().scheduleAt(deadlines, rollout, Long.toString(version), at);
  }

  private RolloutEngine engine() {
    RolloutEngine driven = engine.get();
    if (driven == null) {
      throw new IllegalStateException("rollout work ran before the engine was given");
    }
    return driven;
  }

  private BackgroundWork background() {
    BackgroundWork background = work.get();
    if (background == null) {
      throw new IllegalStateException(
          "a rollout timer was set before the background work was given");
    }
    return background;
  }
}
