package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification to one notifier about one outbox event, as stored: its generic JSON body (which
 * holds no URL and no secret), where it stands, how many attempts it took, and how the last ended.
 *
 * @param state {@code pending}, {@code delivered} or {@code dead} (a dead letter)
 * @param nextAttempt when a pending delivery is due; for one being sent, when its claim runs out
 * @param lastStatus the HTTP status of the last attempt, when the receiver answered
 * @param lastError why the last attempt failed, without the URL
 */
public record StoredDelivery(
    long id,
    String notifier,
    long eventSequence,
    String rollout,
    ObjectNode body,
    String state,
    int attempts,
    Instant nextAttempt,
    Optional<Integer> lastStatus,
    Optional<String> lastError,
    Instant created,
    Instant updated) {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DEAD = "dead";

  public StoredDelivery {
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastStatus, "lastStatus");
    Objects.requireNonNull(lastError, "lastError");
  }

  @Override
  public ObjectNode body() {
    return body.deepCopy();
  }

  /**
   * The key a receiver recognises a redelivery by: the same on every attempt and replay, different
   * for each notifier and event.
   */
  public String deliveryKey() {
    return notifier + "-" + eventSequence;
  }
}
