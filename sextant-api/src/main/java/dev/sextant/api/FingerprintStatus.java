package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * A stored fingerprint revision without its document: the {@code status} block of {@code GET
 * .../fingerprints/{n|latest}}, an item of {@code GET .../fingerprints}, and {@code latest} and
 * {@code lastKnownGood} of the drift answer. Instants are ISO-8601; {@code signerKeyId} is left out
 * when the fingerprint was not signed.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FingerprintStatus(
    String environment,
    long revision,
    String digest,
    String collectedAt,
    String receivedAt,
    String source,
    Optional<String> signerKeyId) {}
