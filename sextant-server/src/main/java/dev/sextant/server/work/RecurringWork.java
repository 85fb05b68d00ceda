package dev.sextant.server.work;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work that runs again a fixed delay after each run ends, on one node of the cluster at a time. The
 * body gets the time its run was due, which identifies the run. A body that throws is logged (at
 * WARN, by db-scheduler) and counted as a failure on the task's row; the next run is still due a
 * delay later. A run whose node dies is revived by another node once its heartbeats stop.
 *
 * @param name the task's name, the same on every node and across restarts
 */
public record RecurringWork(String name, Duration delay, Consumer<Instant> body) {
  public RecurringWork {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(body, "body");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a recurring work needs a name");
    }
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("the delay of " + name + " must be positive: " + delay);
    }
  }

  /** Recurring work whose body needs nothing from its run. */
  public static RecurringWork of(String name, Duration delay, Runnable body) {
    Objects.requireNonNull(body, "body");
    return new RecurringWork(name, delay, due -> body.run());
  }

  RecurringTask<Void> task() {
    return Tasks.recurring(name, FixedDelay.of(delay))
        .execute((instance, context) -> body.accept(context.getExecution().getExecutionTime()));
  }
}
