package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A row of {@code events} as its columns hold it, read apart from making it an event: reading must
 * follow the result set, but parsing and checking the JSON is most of the cost and can be spread
 * over threads (as ledger verification does over a million rows).
 */
record EventRow(
    long sequence,
    Instant occurredAt,
    String type,
    int schemaVersion,
    String subject,
    String outcome,
    String reason,
    String inputs,
    String detail) {

  static EventRow read(ResultSet rs) throws SQLException {
    return new EventRow(
        rs.getLong("sequence_number"),
        Timestamps.read(rs, "occurred_at"),
        rs.getString("event_type"),
        rs.getInt("schema_version"),
        rs.getString("subject"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("inputs"),
        rs.getString("detail"));
  }

  /**
   * The event the row records.
   *
   * @throws RuntimeException when the row is no event (edited past the store, for instance)
   */
  LoggedEvent toEvent() {
    String what = "event " + sequence;
    SortedMap<String, Digest> digests = new TreeMap<>();
    JsonText.object(inputs, "the inputs of " + what)
        .fields()
        .forEachRemaining(
            input -> digests.put(input.getKey(), new Digest(input.getValue().asText())));
    EventEnvelope envelope =
        new EventEnvelope(
            type,
            schemaVersion,
            subject,
            outcome,
            Optional.ofNullable(reason),
            digests,
            JsonText.object(detail, "the detail of " + what));
    return new LoggedEvent(sequence, occurredAt, envelope);
  }
}
