package dev.sextant.server.store;

import java.time.Instant;

/**
 * An event as the log keeps it: its sequence number (1, 2, … in the order appends committed, with
 * no gap) and the time it was appended, to the millisecond.
 */
public record LoggedEvent(long sequence, Instant time, Event event) {}
