package dev.sextant.server.store;

import java.util.List;

/**
 * The append-only log of ledger-ready events. Nothing is changed or removed once appended; the
 * ledger will later chain these events, in sequence order, into a hash-linked, signed log.
 */
public interface EventLog {

  /**
   * Appends an event at the current time and gives it the next sequence number.
   *
   * @throws ConcurrentWriteException when concurrent appends won every attempt
   */
  LoggedEvent append(Event event);

  /** The last {@code query.limit()} events that match, oldest first (newest last). */
  List<LoggedEvent> list(EventQuery query);
}
