package dev.sextant.server.work;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Work that runs once per instance, such as "the drift check of environment X after its revision
 * 7": {@link BackgroundWork#scheduleNow} makes an instance due, one node runs it, and it is gone.
 * The body gets the instance's subject ("X") and, when it asks, its occasion ("revision-7"). A body
 * that throws is logged (at WARN, by db-scheduler) and runs again {@code retryDelay} later; a run
 * whose node dies is revived by another node once its heartbeats stop.
 *
 * @param name the task's name, the same on every node and across restarts
 */
public record OneTimeWork(String name, Duration retryDelay, BiConsumer<String, String> body) {
  /** db-scheduler's own retry delay for one-time tasks. */
  public static final Duration DEFAULT_RETRY_DELAY = Tasks.DEFAULT_RETRY_INTERVAL;

  private static final String SEPARATOR = "@";
  // The width of db-scheduler's task_instance column.
  private static final int MAX_ID_LENGTH = 255;

  public OneTimeWork {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retryDelay, "retryDelay");
    Objects.requireNonNull(body, "body");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a one-time work needs a name");
    }
    if (retryDelay.isNegative() || retryDelay.isZero()) {
      throw new IllegalArgumentException(
          "the retry delay of " + name + " must be positive: " + retryDelay);
    }
  }

  /** One-time work whose body needs only the subject. */
  public OneTimeWork(String name, Duration retryDelay, Consumer<String> body) {
    this(name, retryDelay, (subject, occasion) -> body.accept(subject));
  }

  /** One-time work retried {@link #DEFAULT_RETRY_DELAY} after a failure. */
  public OneTimeWork(String name, Consumer<String> body) {
    this(name, DEFAULT_RETRY_DELAY, body);
  }

  OneTimeTask<Void> task() {
    return Tasks.oneTime(name)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(retryDelay))
        .execute(
            (instance, context) ->
                body.accept(subject(instance.getId()), occasion(instance.getId())));
  }

  // An instance id is "subject@occasion"; names of resources cannot hold an '@'.
  static String instanceId(String subject, String occasion) {
    if (subject.isBlank() || subject.contains(SEPARATOR)) {
      throw new IllegalArgumentException(
          "the subject of a one-time work must be non-blank and hold no '@': " + subject);
    }
    String id = subject + SEPARATOR + occasion;
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "the instance id " + id + " is longer than " + MAX_ID_LENGTH + " characters");
    }
    return id;
  }

  private static String occasion(String instanceId) {
    int at = instanceId.indexOf(SEPARATOR);
    return at < 0 ? "" : instanceId.substring(at + 1);
  }

  // Ids without an occasion were written before occasions existed: the whole id is the subject.
  private static String subject(String instanceId) {
    int at = instanceId.indexOf(SEPARATOR);
    return at < 0 ? instanceId : instanceId.substring(0, at);
  }
}
