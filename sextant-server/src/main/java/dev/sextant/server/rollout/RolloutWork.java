package dev.sextant.server.rollout;

import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rollout's due work on db-scheduler: a timer is the one-time work {@code rollout-timer} of
 * {@code ROLLOUT@TIMER}, a deadline {@code rollout-deadline} of {@code ROLLOUT@VERSION}. The engine
 * and the background work need each other, so the engine is given once both exist ({@link #drive}).
 */
public final class RolloutWork implements RolloutTimers {
  static final String TIMER = "rollout-timer";
  static final String DEADLINE = "rollout-deadline";

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

  /** The one-time works to give the background work when it is built. */
  public List<OneTimeWork> works() {
    return List.of(timers, deadlines);
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
