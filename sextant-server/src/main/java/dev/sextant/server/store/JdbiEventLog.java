package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The event log on H2 or PostgreSQL through JDBI. All of its SQL is in this class.
 *
 * <p>An append increments the single row of {@code event_log_head} and inserts the event under the
 * new number in the same transaction. The incremented row stays locked until the append commits, so
 * concurrent appends take turns: numbers are given in commit order and a rolled-back append gives
 * its number back, where an identity column would leave gaps and let a later number commit before
 * an earlier one. Appends are few (one per decision or action), so taking turns is cheap.
 */
public final class JdbiEventLog implements EventLog {
  private static final String COLUMNS =
      "sequence_number, occurred_at, event_type, subject, outcome, reason, inputs, detail";

  private final Transactions transactions;
  private final Clock clock;

  /** A log over a migrated database, which it shares and does not close. */
  public JdbiEventLog(Database database, Clock clock) {
    this.transactions = new Transactions(Objects.requireNonNull(database, "database"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public LoggedEvent append(Event event) {
    Objects.requireNonNull(event, "event");
    String inputs = CanonicalJson.string(inputsJson(event.inputs()));
    String detail = CanonicalJson.string(event.detail());
    return transactions.write(
        "append a " + event.type() + " event",
        (handle, retrying) -> Optional.of(tryAppend(handle, event, inputs, detail)));
  }

  private LoggedEvent tryAppend(Handle handle, Event event, String inputs, String detail) {
    int counted =
        handle
            .createUpdate(
                "update event_log_head set last_sequence = last_sequence + 1 where id = 1")
            .execute();
    if (counted != 1) {
      throw new StoreException(
          "bug: the event log's counter row changed " + counted + " rows, not 1");
    }
    long sequence =
        handle
            .createQuery("select last_sequence from event_log_head where id = 1")
            .mapTo(Long.class)
            .one();
    Instant time = Timestamps.now(clock);
    handle
        .createUpdate(
            "insert into events ("
                + COLUMNS
                + ") values (:sequence, :time, :type, :subject, :outcome, :reason, :inputs,"
                + " :detail)")
        .bind("sequence", sequence)
        .bind("time", Timestamps.utc(time))
        .bind("type", event.type())
        .bind("subject", event.subject())
        .bind("outcome", event.outcome())
        .bind("reason", event.reason().orElse(null))
        .bind("inputs", inputs)
        .bind("detail", detail)
        .execute();
    return new LoggedEvent(sequence, time, event);
  }

  @Override
  public List<LoggedEvent> list(EventQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from events where 1 = 1");
    query.subject().ifPresent(subject -> sql.append(" and subject = :subject"));
    query.type().ifPresent(type -> sql.append(" and event_type = :type"));
    sql.append(" order by sequence_number desc fetch first :limit rows only");
    List<LoggedEvent> newestFirst =
        transactions.read(
            "list events",
            handle -> {
              Query select = handle.createQuery(sql.toString()).bind("limit", query.limit());
              query.subject().ifPresent(subject -> select.bind("subject", subject));
              query.type().ifPresent(type -> select.bind("type", type));
              return select.map(JdbiEventLog::toLoggedEvent).list();
            });
    List<LoggedEvent> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private static ObjectNode inputsJson(SortedMap<String, Digest> inputs) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    inputs.forEach((name, digest) -> json.put(name, digest.value()));
    return json;
  }

  private static LoggedEvent toLoggedEvent(ResultSet rs, StatementContext ctx) throws SQLException {
    long sequence = rs.getLong("sequence_number");
    String what = "event " + sequence;
    SortedMap<String, Digest> inputs = new TreeMap<>();
    JsonText.object(rs.getString("inputs"), "the inputs of " + what)
        .fields()
        .forEachRemaining(
            input -> inputs.put(input.getKey(), new Digest(input.getValue().asText())));
    Event event =
        new Event(
            rs.getString("event_type"),
            rs.getString("subject"),
            rs.getString("outcome"),
            Optional.ofNullable(rs.getString("reason")),
            inputs,
            JsonText.object(rs.getString("detail"), "the detail of " + what));
    return new LoggedEvent(sequence, Timestamps.read(rs, "occurred_at"), event);
  }
}
