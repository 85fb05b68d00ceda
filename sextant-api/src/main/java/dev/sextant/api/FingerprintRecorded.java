package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The answer of {@code POST .../environments/{env}/fingerprints} and of an agent's report: the
 * revision's facts and the {@code change} ({@code recorded} a new revision, or {@code unchanged}).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FingerprintRecorded(
    String environment,
    long revision,
    String digest,
    String collectedAt,
    String receivedAt,
    String source,
    Optional<String> signerKeyId,
    String change) {

  public static FingerprintRecorded of(FingerprintStatus status, String change) {
    return new FingerprintRecorded(
        status.environment(),
        status.revision(),
        status.digest(),
        status.collectedAt(),
        status.receivedAt(),
        status.source(),
        status.signerKeyId(),
        change);
  }
}
