package dev.sextant.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.NotifierSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LoggedEvent;
import dev.sextant.server.store.NotificationQueued;
import dev.sextant.server.store.RecordedRolloutEvent;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.RolloutMoved;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the outbox in order from the notifications' cursor and queues, in the transaction that
 * moves the cursor past them, one delivery per transition ({@link Transition}) and notifier that
 * selects it. The notifiers are those declared when the event is read. Several replicas may read at
 * once: the cursor's compare-and-set lets one move it, and the others read again after it.
 */
final class NotificationQueue {
  /** Who queues a transition's notifications, as their events say. */
  static final String QUEUER = "sextant";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;
  private final Optional<String> serverName;
  private final int batch;

  NotificationQueue(Database database, Optional<String> serverName, int batch) {
    this.database = database;
    this.serverName = serverName;
    this.batch = batch;
  }

  /**
   * Reads up to a batch of events after the cursor and queues their notifications.
   *
   * @return how many events it read; fewer than a batch when it reached the outbox's end
   */
  int readOnce() {
    return database.write(
        "queue notifications",
        tx -> {
          long from = tx.notifications().cursor();
          List<LoggedEvent> events = tx.events().after(from, batch);
          if (events.isEmpty()) {
            return 0;
          }
          List<Named> notifiers = null;
          for (LoggedEvent event : events) {
            if (!event.envelope().type().equals(RolloutMoved.TYPE)) {
              continue;
            }
            if (notifiers == null) {
              notifiers = notifiers(tx);
            }
            queue(tx, event, notifiers);
          }
          tx.notifications().moveCursor(from, events.get(events.size() - 1).sequence());
          return events.size();
        });
  }

  private void queue(Transaction tx, LoggedEvent event, List<Named> notifiers) {
    RolloutMoved moved = (RolloutMoved) event.event();
    Transition transition =
        new Transition(
            moved,
            tx.events()
                .lastBefore(event.envelope().subject(), RolloutMoved.TYPE, event.sequence())
                .map(before -> before.envelope().outcome()));
    Optional<StoredRollout> found = tx.rollouts().find(moved.rollout());
    if (!transition.isNews() || found.isEmpty()) {
      return;
    }
    StoredRollout rollout = found.get();
    Map<String, String> labels =
        tx.resources()
            .latest(new ResourceKey(Kind.ENVIRONMENT, rollout.environment()))
            .map(Revision::labels)
            .orElse(Map.of());
    Notification notification =
        new Notification(
            event.sequence(),
            event.time(),
            serverName,
            transition,
            rollout,
            tx.deployments().of(rollout.id()),
            actor(tx, rollout, moved));
    for (Named notifier : notifiers) {
      if (notifier.spec().selects(rollout.service(), labels)
          && notifier.spec().wants(moved.phase())) {
        tx.notifications()
            .queue(notifier.name(), event.sequence(), rollout.id(), notification.json())
            .ifPresent(
                delivery ->
                    tx.events()
                        .append(
                            new NotificationQueued(
                                notifier.name(),
                                delivery.id(),
                                rollout.id(),
                                event.sequence(),
                                "queued",
                                QUEUER)));
      }
    }
  }

  /**
   * Who started the rollout, for its first move; for a later one, who gave its event, if anyone.
   */
  private static Optional<String> actor(Transaction tx, StoredRollout rollout, RolloutMoved moved) {
    if (moved.version() == 1) {
      return Optional.of(rollout.createdBy());
    }
    return tx.rollouts().history(rollout.id()).stream()
        .filter(recorded -> recorded.version() == moved.version())
        .findFirst()
        .flatMap(NotificationQueue::by);
  }

  private static Optional<String> by(RecordedRolloutEvent recorded) {
    try {
      var by = JSON.readTree(recorded.event()).path("by");
      return by.isTextual() ? Optional.of(by.asText()) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static List<Named> notifiers(Transaction tx) {
    return tx.resources().list(Optional.of(Kind.NOTIFIER), LabelSelector.EVERYTHING).stream()
        .map(
            revision ->
                new Named(
                    revision.key().name(),
                    (NotifierSpec) Specs.read(Kind.NOTIFIER, revision.document().path("spec"))))
        .toList();
  }

  /** A notifier by its name. */
  record Named(String name, NotifierSpec spec) {}
}
