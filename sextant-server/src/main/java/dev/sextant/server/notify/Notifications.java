package dev.sextant.server.notify;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.NotifierSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.secret.SecretResolver;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.NotificationDelivered;
import dev.sextant.server.store.NotificationFailed;
import dev.sextant.server.store.NotificationQueued;
import dev.sextant.server.store.StoredDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications of rollout transitions: a worker that queues them from the outbox ({@link
 * NotificationQueue}) and posts each due one to its notifier, at least once. Each attempt is
 * claimed first (a lease as long as the send may take), so that two replicas do not send it at once
 * and a sender that dies mid-send leaves it to be sent again; the receiver knows a redelivery by
 * its {@code Idempotency-Key}. A failed attempt is tried again after a growing pause, and after the
 * last one the delivery is a dead letter until an operator replays it. Every outcome is an event.
 */
public final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private static final int BATCH = 100;
  private static final Duration IDLE = Duration.ofSeconds(1);
  // Beyond the send's own timeout, before a claimed attempt is taken for lost and sent again.
  private static final Duration CLAIM_MARGIN = Duration.ofSeconds(5);

  private final Database database;
  private final NotifySettings settings;
  private final Clock clock;
  private final NotificationQueue queue;
  private final SecretResolver secrets;
  private WebhookSender sender;
  private volatile Thread worker;
  private volatile boolean closed;

  public Notifications(
      Database database, SecretResolver secrets, NotifySettings settings, Clock clock) {
    this.database = database;
    this.settings = settings;
    this.clock = clock;
    this.queue = new NotificationQueue(database, settings.serverName(), BATCH);
    this.secrets = secrets;
  }

  /** Starts the worker: it reads the outbox as events commit here, or each second. */
  public synchronized void start() {
    if (worker == null) {
      worker = new Thread(this::work, "notifications");
      worker.setDaemon(true);
      worker.start();
    }
  }

  /**
   * Queues the notifications of every event committed so far, then sends each one due now. What the
   * worker does in a loop; safe to run alongside it, here or on another replica.
   *
   * @return how many attempts it made
   */
  public int runOnce() throws InterruptedException {
    while (queue.readOnce() == BATCH) {
      // a full batch: there may be more
    }
    int attempts = 0;
    for (StoredDelivery due :
        database.read(
            "find due notifications", tx -> tx.notifications().due(clock.instant(), BATCH))) {
      if (attempt(due)) {
        attempts++;
      }
    }
    return attempts;
  }

  /** The last {@code limit} dead letters, newest first. */
  public List<StoredDelivery> deadLetters(int limit) {
    return database.read("list dead letters", tx -> tx.notifications().deadLetters(limit));
  }

  /** The notifications about a rollout, in the order of its transitions. */
  public List<StoredDelivery> ofRollout(String rollout, int limit) {
    return database.read(
        "list the notifications of " + rollout, tx -> tx.notifications().ofRollout(rollout, limit));
  }

  /**
   * Sends a dead letter again, its attempts counted afresh. Replaying a delivery that is pending or
   * delivered changes nothing, so a replay asked twice sends once.
   *
   * @param by who asks, as the event records it
   * @return the delivery as it stands now; empty when there is none with that id
   */
  public Optional<StoredDelivery> replay(String by, long id) {
    Optional<StoredDelivery> replayed =
        database.write(
            "replay notification " + id,
            tx -> {
              if (tx.notifications().revive(id)) {
                StoredDelivery revived = tx.notifications().find(id).orElseThrow();
                tx.events()
                    .append(
                        new NotificationQueued(
                            revived.notifier(),
                            id,
                            revived.rollout(),
                            revived.eventSequence(),
                            "replayed",
                            by));
              }
              return tx.notifications().find(id);
            });
    return replayed;
  }

  @Override
  public void close() {
    closed = true;
    Thread running = worker;
    if (running != null) {
      running.interrupt();
      try {
        running.join(settings.timeout().plusSeconds(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void work() {
    while (!closed) {
      try {
        runOnce();
        long seen =
            database.read("read the notification cursor", tx -> tx.notifications().cursor());
        // A replay or a new transition commits an event, which wakes this at once.
        database.feed().awaitAfter(seen, idle());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The store may be away for a while; the next round tries again.
        LOG.warn("notifications: {}", e.getMessage());
        pause();
      }
    }
  }

  /** Until the next delivery is due, at most a second and at least a millisecond. */
  private Duration idle() {
    Optional<Instant> next =
        database.read("find the next due notification", tx -> tx.notifications().nextDue());
    Duration until = next.map(at -> Duration.between(clock.instant(), at)).orElse(IDLE);
    if (until.compareTo(IDLE) > 0) {
      return IDLE;
    }
    return until.isNegative() || until.isZero() ? Duration.ofMillis(1) : until;
  }

  private synchronized void pause() {
    try {
      wait(IDLE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** The sender, made at the first send: a server that never notifies keeps no HTTP client. */
  private synchronized WebhookSender sender() {
    if (sender == null) {
      sender = new WebhookSender(secrets, settings.timeout());
    }
    return sender;
  }

  /** One attempt at a due delivery, when this sender claims it. */
  private boolean attempt(StoredDelivery due) throws InterruptedException {
    Instant until = clock.instant().plus(settings.timeout()).plus(CLAIM_MARGIN);
    boolean claimed =
        database.write(
            "claim notification " + due.id(), tx -> tx.notifications().claim(due, until));
    if (!claimed) {
      return false;
    }
    int attempts = due.attempts() + 1;
    Optional<NotifierSpec> notifier =
        database.read(
            "read notifier " + due.notifier(),
            tx ->
                tx.resources()
                    .latest(new ResourceKey(Kind.NOTIFIER, due.notifier()))
                    .map(r -> (NotifierSpec) Specs.read(Kind.NOTIFIER, r.document().path("spec"))));
    WebhookSender.Attempt attempt =
        notifier.isPresent()
            ? sender().send(due.notifier(), notifier.get(), due.deliveryKey(), due.body())
            : WebhookSender.Attempt.failed("notifier " + due.notifier() + " is not declared");
    record(due, attempts, attempt, notifier.isPresent());
    return true;
  }

  private void record(
      StoredDelivery due, int attempts, WebhookSender.Attempt attempt, boolean mayRetry) {
    database.write(
        "record notification " + due.id(),
        tx -> {
          Instant now = tx.now();
          int status = attempt.status().orElse(0);
          if (attempt.delivered()) {
            tx.notifications()
                .attempted(
                    due.id(), StoredDelivery.DELIVERED, attempt.status(), Optional.empty(), now);
            tx.events()
                .append(
                    new NotificationDelivered(
                        due.notifier(), due.id(), due.rollout(), attempts, status));
            return null;
          }
          boolean dead = !mayRetry || attempts >= settings.attempts();
          String why = attempt.error().orElseThrow();
          tx.notifications()
              .attempted(
                  due.id(),
                  dead ? StoredDelivery.DEAD : StoredDelivery.PENDING,
                  attempt.status(),
                  Optional.of(why),
                  dead ? now : now.plus(settings.backoffAfter(attempts)));
          tx.events()
              .append(
                  new NotificationFailed(
                      due.notifier(),
                      due.id(),
                      due.rollout(),
                      attempts,
                      status,
                      dead ? NotificationFailed.DEAD_LETTERED : NotificationFailed.RETRYING,
                      "attempt " + attempts + " of " + settings.attempts() + ": " + why));
          return null;
        });
    if (!attempt.delivered()) {
      LOG.info(
          "notification {} to {}: attempt {} failed: {}",
          due.id(),
          due.notifier(),
          attempts,
          attempt.error().orElse(""));
    }
  }
}
