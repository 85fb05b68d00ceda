package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * One notification to one notifier, as {@code /api/v1/notifications/...} lists it: about which
 * rollout transition (the outbox event's sequence number, the phase entered), where it stands
 * ({@code pending}, {@code delivered}, or {@code dead}: a dead letter), and how its last attempt
 * ended. Never the notifier's URL or headers.
 *
 * @param key the idempotency key the receiver gets on every attempt and replay
 * @param lastStatus the receiver's HTTP status at the last attempt, when it answered
 * @param lastError why the last attempt failed
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record NotificationDelivery(
    long id,
    String key,
    String notifier,
    long eventSequence,
    String rollout,
    String phase,
    String state,
    int attempts,
    Optional<Integer> lastStatus,
    Optional<String> lastError,
    String createdAt,
    String updatedAt) {}
