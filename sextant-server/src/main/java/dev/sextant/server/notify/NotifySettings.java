package dev.sextant.server.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How notifications are sent: how many attempts a delivery gets before it is a dead letter, the
 * pause after the first failed attempt (doubled after each next one, up to {@code maxBackoff}), how
 * long a receiver may take to answer, and the name this server gives itself in messages, so that a
 * reader of several clusters' news knows which one speaks.
 */
public record NotifySettings(
    int attempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration timeout,
    Optional<String> serverName) {
  public static final NotifySettings DEFAULTS =
      new NotifySettings(
          5,
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          Duration.ofSeconds(10),
          Optional.empty());

  /**
   * @throws IllegalArgumentException when there is no attempt, or a duration is not positive
   */
  public NotifySettings {
    Objects.requireNonNull(serverName, "serverName");
    if (attempts < 1) {
      throw new IllegalArgumentException("a notification needs at least one attempt: " + attempts);
    }
    for (Duration d : new Duration[] {firstBackoff, maxBackoff, timeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "notification back-offs and timeouts are positive: " + d);
      }
    }
  }

  /**
   * @throws IllegalArgumentException when the name is blank or longer than 100 characters
   */
  public NotifySettings withServerName(String name) {
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException(
          "a server's name is 1 to 100 characters, not blank; found " + name.length());
    }
    return new NotifySettings(attempts, firstBackoff, maxBackoff, timeout, Optional.of(name));
  }

  public NotifySettings withRetries(int attempts, Duration firstBackoff) {
    return new NotifySettings(attempts, firstBackoff, maxBackoff, timeout, serverName);
  }

  /** The pause after failed attempt {@code attempt} (1, 2, …): 1 s, 2 s, 4 s… up to the most. */
  Duration backoffAfter(int attempt) {
    Duration pause = firstBackoff;
    for (int i = 1; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) < 0 ? pause : maxBackoff;
  }
}
