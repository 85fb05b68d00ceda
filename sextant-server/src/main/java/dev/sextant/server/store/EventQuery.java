package dev.sextant.server.store;

import java.util.Objects;
import java.util.Optional;

/** Which events to list: the last {@code limit} of a subject, of a type, or of both. */
public record EventQuery(Optional<String> subject, Optional<String> type, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public EventQuery {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(type, "type");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "an event query's limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
  }

  /** The last {@code limit} events of every subject and type. */
  public static EventQuery last(int limit) {
    return new EventQuery(Optional.empty(), Optional.empty(), limit);
  }

  public EventQuery about(String subject) {
    return new EventQuery(Optional.of(subject), type, limit);
  }

  public EventQuery ofType(String type) {
    return new EventQuery(subject, Optional.of(type), limit);
  }
}
