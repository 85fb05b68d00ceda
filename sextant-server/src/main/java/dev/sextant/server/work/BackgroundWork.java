package dev.sextant.server.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One node's share of the server's background work: a db-scheduler on the store's own database
 * (table {@code scheduled_tasks}) that runs the recurring work and the one-time work given to it.
 * Every node of a cluster runs the same work on the same database; each due execution is claimed by
 * one node, and the execution of a node that stops heart-beating is revived on another. Delivery is
 * at least once: a node that only seemed dead may still finish its run, so bodies must be
 * idempotent or fenced by their own compare-and-set.
 */
public final class BackgroundWork implements AutoCloseable {
  private final Scheduler scheduler;
  private final Map<String, OneTimeTask<Void>> oneTimeTasks;

  /**
   * A node that has not started yet. Recurring work is scheduled, if not yet in the table, when the
   * node starts.
   *
   * @throws IllegalArgumentException when two works share a name
   */
  public BackgroundWork(
      DataSource dataSource,
      SchedulerDialect dialect,
      WorkSettings settings,
      List<RecurringWork> recurring,
      List<OneTimeWork> oneTime) {
    requireDistinctNames(recurring, oneTime);
    List<RecurringTask<Void>> recurringTasks = recurring.stream().map(RecurringWork::task).toList();
    this.oneTimeTasks =
        oneTime.stream()
            .map(OneTimeWork::task)
            .collect(Collectors.toUnmodifiableMap(Task::getName, Function.identity()));
    SchedulerBuilder builder =
        Scheduler.create(dataSource, new ArrayList<Task<?>>(oneTimeTasks.values()))
            .startTasks(recurringTasks)
            .jdbcCustomization(dialect.customization())
            .schedulerName(new SchedulerName.Fixed(settings.nodeName()))
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
            .threads(settings.threads())
            .shutdownMaxWait(settings.shutdownMaxWait());
    dialect.poll(builder);
    this.scheduler = builder.build();
  }

  /** Starts polling for due work, heart-beating and reviving dead executions. */
  public void start() {
    scheduler.start();
  }

  /**
   * Makes one-time work about {@code subject} due now, for the change named by {@code occasion},
   * and wakes this node to run it. The same subject and occasion are scheduled once however many
   * nodes ask; a new occasion is new work even while a run for an earlier one is in progress,
   * because that run may have read the subject before the change. An instance already scheduled
   * keeps its time, even a later one (a retry after a failure).
   *
   * @param subject what the run is about, such as an environment's name; the body gets it
   * @param occasion what made the work due, such as the environment's new revision number
   * @return whether a new execution was scheduled
   * @throws IllegalArgumentException when the work was not given to this node
   */
  public boolean scheduleNow(OneTimeWork work, String subject, String occasion) {
    OneTimeTask<Void> task = oneTimeTasks.get(work.name());
    if (task == null) {
      throw new IllegalArgumentException("no one-time work named " + work.name() + " on this node");
    }
    boolean scheduled =
        scheduler.scheduleIfNotExists(
            task.schedulableInstance(OneTimeWork.instanceId(subject, occasion)));
    wake();
    return scheduled;
  }

  /**
   * Makes {@code subject@occasion} of a one-time work due at {@code at}, on whichever node claims
   * it then; nothing when that instance is scheduled already, so asking again after a crash is
   * safe.
   *
   * @return whether it was scheduled now (false: it was already)
   */
  public boolean scheduleAt(OneTimeWork work, String subject, String occasion, Instant at) {
    OneTimeTask<Void> task = oneTimeTasks.get(work.name());
    if (task == null) {
      throw new IllegalArgumentException("no one-time work named " + work.name() + " on this node");
    }
    boolean scheduled =
        scheduler.scheduleIfNotExists(task.instance(OneTimeWork.instanceId(subject, occasion)), at);
    wake();
    return scheduled;
  }

  /**
   * Looks for due work now rather than at the next poll, so that work made due by an API event runs
   * at once. Only this node wakes; the others find the work at their next poll.
   */
  public void wake() {
    scheduler.triggerCheckForDueExecutions();
  }

  /**
   * Stops claiming work and waits for running executions: up to {@link
   * WorkSettings#shutdownMaxWait()}, then interrupts them and waits as long again. An execution
   * still running then stays claimed until another node finds it dead. Closing again does nothing.
   */
  @Override
  public void close() {
    if (!scheduler.getSchedulerState().isShuttingDown()) {
      scheduler.stop();
    }
  }

  // db-scheduler finds a task by its name alone, so a second task of the same name would be lost.
  private static void requireDistinctNames(
      List<RecurringWork> recurring, List<OneTimeWork> oneTime) {
    Set<String> names = new HashSet<>();
    Stream<String> all =
        Stream.concat(
            recurring.stream().map(RecurringWork::name), oneTime.stream().map(OneTimeWork::name));
    for (String name : all.toList()) {
      if (!names.add(name)) {
        throw new IllegalArgumentException("two background works are named " + name);
      }
    }
  }
}
