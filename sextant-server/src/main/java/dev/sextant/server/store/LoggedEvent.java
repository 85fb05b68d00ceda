package dev.sextant.server.store;

import java.time.Instant;

/**
 * An event as the log keeps it: its sequence number (1, 2, … in the order appends committed, with
 * no gap), the time of the unit of work that appended it, to the millisecond, and its envelope.
 */
public record LoggedEvent(long sequence, Instant time, EventEnvelope envelope) {

  /**
   * The typed event.
   *
   * @throws StoreException when the stored envelope is of no type or version this server knows
   */
  public Event event() {
    return Event.of(envelope);
  }
}
