package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The notifier's reading position in the outbox and the deliveries it queued: each (notifier,
 * event) once, by the table's unique key, however many replicas read the same events.
 */
public final class NotificationRepository {
  private static final int MAX_ERROR = 1000;
  private static final String COLUMNS =
      "id, notifier, event_sequence, rollout_id, body, state, attempts, next_attempt_at,"
          + " last_status, last_error, created_at, updated_at";

  private final Transaction tx;

  NotificationRepository(Transaction tx) {
    this.tx = tx;
  }

  /** The sequence number of the last outbox event the notifier has read. */
  public long cursor() {
    return tx.handle()
        .createQuery("select last_sequence from notification_cursor where id = 1")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Moves the reading position from {@code from} to {@code to}. The position is the reader's
   * bookkeeping, not a state change anyone is told of: an event for each move would be an event the
   * reader itself reads next, without end. The deliveries a move queues are recorded as events.
   *
   * @throws LostRace when another reader moved it first; the unit of work reads again
   */
  public void moveCursor(long from, long to) {
    int moved =
        tx.handle()
            .createUpdate(
                "update notification_cursor set last_sequence = :to"
                    + " where id = 1 and last_sequence = :from")
            .bind("from", from)
            .bind("to", to)
            .execute();
    if (moved == 0) {
      throw new LostRace("the notification cursor moved from " + from);
    }
    if (moved > 1) {
      throw new StoreException("bug: the notification cursor has " + moved + " rows");
    }
  }

  /**
   * Queues a delivery due now, unless the notifier has one for that event already.
   *
   * @return the delivery queued; empty when there was one
   */
  public Optional<StoredDelivery> queue(
      String notifier, long eventSequence, String rollout, ObjectNode body) {
    if (find(notifier, eventSequence).isPresent()) {
      return Optional.empty();
    }
    tx.changed();
    long id =
        tx.handle()
            .createQuery("select coalesce(max(id), 0) + 1 from notification_deliveries")
            .mapTo(Long.class)
            .one();
    // Two queuers racing for an id or for (notifier, event) meet at a key; the loser runs again.
    tx.handle()
        .createUpdate(
            "insert into notification_deliveries ("
                + COLUMNS
                + ") values (:id, :notifier, :sequence, :rollout, :body, 'pending', 0, :now, null,"
                + " null, :now, :now)")
        .bind("id", id)
        .bind("notifier", notifier)
        .bind("sequence", eventSequence)
        .bind("rollout", rollout)
        .bind("body", CanonicalJson.string(body))
        .bind("now", Timestamps.utc(tx.now()))
        .execute();
    return find(id);
  }

  public Optional<StoredDelivery> find(long id) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from notification_deliveries where id = :id")
        .bind("id", id)
        .map(NotificationRepository::toDelivery)
        .findOne();
  }

  private Optional<StoredDelivery> find(String notifier, long eventSequence) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from notification_deliveries where notifier = :notifier"
                + " and event_sequence = :sequence")
        .bind("notifier", notifier)
        .bind("sequence", eventSequence)
        .map(NotificationRepository::toDelivery)
        .findOne();
  }

  /** Pending deliveries due at or before {@code now}, oldest event first. */
  public List<StoredDelivery> due(Instant now, int limit) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from notification_deliveries where state = 'pending'"
                + " and next_attempt_at <= :now order by event_sequence, id"
                + " fetch first :limit rows only")
        .bind("now", Timestamps.utc(now))
        .bind("limit", limit)
        .map(NotificationRepository::toDelivery)
        .list();
  }

  /** When the next pending delivery is due, if any is. */
  public Optional<Instant> nextDue() {
    return tx.handle()
        .createQuery(
            "select min(next_attempt_at) as next_attempt_at from notification_deliveries"
                + " where state = 'pending'")
        .map((rs, ctx) -> Optional.ofNullable(Timestamps.read(rs, "next_attempt_at")))
        .one();
  }

  /**
   * Claims a pending delivery for one attempt: counts the attempt and makes it due again only at
   * {@code until}, so that a sender that dies mid-send leaves it to be sent again then.
   *
   * <p>A claim is a sender's lease, not news, so it is no change that needs an event (as
   * db-scheduler's own picks are none); the attempt's outcome is.
   *
   * @return whether this unit of work claimed it (false: another sender did, or it is not due)
   */
  public boolean claim(StoredDelivery delivery, Instant until) {
    int claimed =
        tx.handle()
            .createUpdate(
                "update notification_deliveries set attempts = attempts + 1,"
                    + " next_attempt_at = :until, updated_at = :now"
                    + " where id = :id and state = 'pending' and attempts = :attempts")
            .bind("until", Timestamps.utc(until))
            .bind("now", Timestamps.utc(tx.now()))
            .bind("id", delivery.id())
            .bind("attempts", delivery.attempts())
            .execute();
    return checkedOne(claimed, delivery.id());
  }

  /** Records the end of an attempt: {@code delivered}, {@code dead}, or {@code pending} again. */
  public void attempted(
      long id,
      String state,
      Optional<Integer> status,
      Optional<String> error,
      Instant nextAttempt) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "update notification_deliveries set state = :state, last_status = :status,"
                + " last_error = :error, next_attempt_at = :next, updated_at = :now"
                + " where id = :id")
        .bind("state", state)
        .bind("status", status.orElse(null))
        .bind("error", error.map(e -> cut(e, MAX_ERROR)).orElse(null))
        .bind("next", Timestamps.utc(nextAttempt))
        .bind("now", Timestamps.utc(tx.now()))
        .bind("id", id)
        .execute();
  }

  /**
   * Makes a dead letter pending again, due now, with its attempts counted afresh.
   *
   * @return whether it was a dead letter (false: it is pending or delivered already)
   */
  public boolean revive(long id) {
    if (find(id).filter(d -> d.state().equals(StoredDelivery.DEAD)).isEmpty()) {
      return false;
    }
    tx.changed();
    int revived =
        tx.handle()
            .createUpdate(
                "update notification_deliveries set state = 'pending', attempts = 0,"
                    + " next_attempt_at = :now, updated_at = :now"
                    + " where id = :id and state = 'dead'")
            .bind("now", Timestamps.utc(tx.now()))
            .bind("id", id)
            .execute();
    return checkedOne(revived, id);
  }

  /** The last {@code limit} dead letters, newest first. */
  public List<StoredDelivery> deadLetters(int limit) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from notification_deliveries where state = 'dead'"
                + " order by updated_at desc, id desc fetch first :limit rows only")
        .bind("limit", limit)
        .map(NotificationRepository::toDelivery)
        .list();
  }

  /** The deliveries about a rollout, in the order of its events. */
  public List<StoredDelivery> ofRollout(String rollout, int limit) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from notification_deliveries where rollout_id = :rollout"
                + " order by event_sequence, notifier fetch first :limit rows only")
        .bind("rollout", rollout)
        .bind("limit", limit)
        .map(NotificationRepository::toDelivery)
        .list();
  }

  private static boolean checkedOne(int rows, long id) {
    if (rows > 1) {
      throw new StoreException("bug: delivery " + id + " is in " + rows + " rows");
    }
    return rows == 1;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static StoredDelivery toDelivery(ResultSet rs, StatementContext ctx) throws SQLException {
    long id = rs.getLong("id");
    int status = rs.getInt("last_status");
    Optional<Integer> lastStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
    return new StoredDelivery(
        id,
        rs.getString("notifier"),
        rs.getLong("event_sequence"),
        rs.getString("rollout_id"),
        JsonText.object(rs.getString("body"), "the body of delivery " + id),
        rs.getString("state"),
        rs.getInt("attempts"),
        Timestamps.read(rs, "next_attempt_at"),
        lastStatus,
        Optional.ofNullable(rs.getString("last_error")),
        Timestamps.read(rs, "created_at"),
        Timestamps.read(rs, "updated_at"));
  }
}
