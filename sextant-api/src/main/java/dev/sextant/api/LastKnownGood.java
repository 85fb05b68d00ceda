package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** The answer of {@code POST .../last-known-good}: the fingerprint marked, by whom and when. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LastKnownGood(
    String environment,
    long revision,
    String digest,
    String collectedAt,
    String receivedAt,
    String source,
    Optional<String> signerKeyId,
    String markedBy,
    String markedAt) {

  public static LastKnownGood of(FingerprintStatus status, String markedBy, String markedAt) {
    return new LastKnownGood(
        status.environment(),
        status.revision(),
        status.digest(),
        status.collectedAt(),
        status.receivedAt(),
        status.source(),
        status.signerKeyId(),
        markedBy,
        markedAt);
  }
}
