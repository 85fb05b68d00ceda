package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored fingerprint revision without its document: its number (1, 2, … per environment), the
 * digests, when it was collected (to the millisecond) and received, its source and signer.
 */
public record FingerprintSummary(
    String environment,
    long number,
    Digest digest,
    LayerDigests layers,
    Instant collectedAt,
    Instant receivedAt,
    String source,
    Optional<String> signerKeyId) {}
