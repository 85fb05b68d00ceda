package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The outbox: an append-only log of typed events, written in the same transaction as the state
 * change each one records. Nothing is changed or removed once appended; each event's ledger leaf is
 * written with it (see {@link LedgerRepository}), so the signed ledger covers every event.
 *
 * <p>An append increments the single row of {@code event_log_head} and inserts the event under the
 * new number. The incremented row stays locked until the unit of work commits, so concurrent
 * appends take turns: numbers are given in commit order and a rolled-back unit of work gives its
 * number back, where an identity column would leave gaps and let a later number commit before an
 * earlier one. Appends are few (one per decision or action), so taking turns is cheap.
 */
public final class EventRepository {
  private static final String COLUMNS =
      "sequence_number, occurred_at, event_type, schema_version, subject, outcome, reason,"
          + " inputs, detail";

  private final Transaction tx;

  EventRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Appends an event at the unit of work's time and gives it the next sequence number. */
  public LoggedEvent append(Event event) {
    EventEnvelope envelope = Objects.requireNonNull(event, "event").envelope();
    long sequence = nextSequence();
    tx.handle()
        .createUpdate(
            "insert into events ("
                + COLUMNS
                + ") values (:sequence, :time, :type, :version, :subject, :outcome, :reason,"
                + " :inputs, :detail)")
        .bind("sequence", sequence)
        .bind("time", Timestamps.utc(tx.now()))
        .bind("type", envelope.type())
        .bind("version", envelope.schemaVersion())
        .bind("subject", envelope.subject())
        .bind("outcome", envelope.outcome())
        .bind("reason", envelope.reason().orElse(null))
        .bind("inputs", CanonicalJson.string(inputsJson(envelope.inputs())))
        .bind("detail", CanonicalJson.string(envelope.detailToRead()))
        .execute();
    // The envelope and the millisecond time read back as they are here, so the leaf written now is
    // the one verification recomputes from the row.
    LoggedEvent logged = new LoggedEvent(sequence, tx.now(), envelope);
    tx.ledger().addLeaf(LedgerEntries.of(logged));
    tx.appended(sequence);
    return logged;
  }

  /** The last {@code query.limit()} events that match, oldest first (newest last). */
  public List<LoggedEvent> list(EventQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from events where 1 = 1");
    query.subject().ifPresent(subject -> sql.append(" and subject = :subject"));
    query.type().ifPresent(type -> sql.append(" and event_type = :type"));
    sql.append(" order by sequence_number desc fetch first :limit rows only");
    Query select = tx.handle().createQuery(sql.toString()).bind("limit", query.limit());
    query.subject().ifPresent(subject -> select.bind("subject", subject));
    query.type().ifPresent(type -> select.bind("type", type));
    List<LoggedEvent> oldestFirst = new ArrayList<>(select.map(EventRepository::toEvent).list());
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /**
   * The events after sequence number {@code sequence}, oldest first, at most {@code limit} of them.
   */
  public List<LoggedEvent> after(long sequence, int limit) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from events where sequence_number > :sequence"
                + " order by sequence_number fetch first :limit rows only")
        .bind("sequence", sequence)
        .bind("limit", limit)
        .map(EventRepository::toEvent)
        .list();
  }

  /** The last event of the subject and type before sequence number {@code sequence}, if any. */
  public Optional<LoggedEvent> lastBefore(String subject, String type, long sequence) {
    return tx.handle()
        .createQuery(
            "select "
                + COLUMNS
                + " from events where subject = :subject and event_type = :type"
                + " and sequence_number < :sequence"
                + " order by sequence_number desc fetch first 1 rows only")
        .bind("subject", subject)
        .bind("type", type)
        .bind("sequence", sequence)
        .map(EventRepository::toEvent)
        .findOne();
  }

  /**
   * Increments the counter row and reads the new number in one statement: the row's value comes
   * back as a generated key, which H2 gives for an update and PostgreSQL's driver asks for with
   * {@code returning}, so an append costs one round trip fewer than an update and then a select.
   * The row stays locked until commit, as before.
   */
  private long nextSequence() {
    List<Long> counted =
        tx.handle()
            .createUpdate(
                "update event_log_head set last_sequence = last_sequence + 1 where id = 1")
            .executeAndReturnGeneratedKeys("last_sequence")
            .mapTo(Long.class)
            .list();
    if (counted.size() != 1) {
      throw new StoreException(
          "bug: the event log's counter row changed " + counted.size() + " rows");
    }
    return counted.get(0);
  }

  /** The sequence number of the last event appended; 0 when there is none. */
  public long lastSequence() {
    return tx.handle()
        .createQuery("select last_sequence from event_log_head where id = 1")
        .mapTo(Long.class)
        .one();
  }

  private static ObjectNode inputsJson(SortedMap<String, Digest> inputs) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    inputs.forEach((name, digest) -> json.put(name, digest.value()));
    return json;
  }

  static LoggedEvent toEvent(ResultSet rs, StatementContext ctx) throws SQLException {
    return EventRow.read(rs).toEvent();
  }
}
