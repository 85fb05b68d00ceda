package dev.sextant.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Times as the stores keep them: to the millisecond, in UTC, which reads back exactly on both
 * databases (a PostgreSQL {@code timestamptz(3)} would round finer times, not cut them).
 */
final class Timestamps {
  private Timestamps() {}

  static Instant now(Clock clock) {
    return millis(clock.instant());
  }

  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A bind argument for a {@code TIMESTAMP(3) WITH TIME ZONE} column. */
  static Argument utc(Instant instant) {
    OffsetDateTime stamp = instant.atOffset(ZoneOffset.UTC);
    return (position, statement, ctx) -> statement.setObject(position, stamp);
  }

  /** The instant in a column, or null when the column is null. */
  static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime stamp = rs.getObject(column, OffsetDateTime.class);
    return stamp == null ? null : stamp.toInstant();
  }
}
