package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fingerprint to record, as the service hands it over: its digest and its layers' digests (the
 * store takes them as given, since what a fingerprint's digest covers is the fingerprint's
 * business), when it was collected, where it came from, who signed it, and the whole document.
 *
 * @param source where the fingerprint came from: {@code agent:<name>}, {@code local}, {@code
 *     kubernetes:<node>}, {@code file}
 * @param signerKeyId the key id of the signature's key; empty when the fingerprint is unsigned
 */
public record FingerprintRecord(
    Digest digest,
    LayerDigests layers,
    Instant collectedAt,
    String source,
    Optional<String> signerKeyId,
    ObjectNode document) {
  static final int MAX_SOURCE_LENGTH = 255;
  static final int MAX_KEY_ID_LENGTH = 255;

  public FingerprintRecord {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(layers, "layers");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Checks.text(source, "the source of a fingerprint", MAX_SOURCE_LENGTH);
    Objects.requireNonNull(signerKeyId, "signerKeyId");
    signerKeyId.ifPresent(id -> Checks.text(id, "a signer key id", MAX_KEY_ID_LENGTH));
    document = Objects.requireNonNull(document, "document").deepCopy();
  }

  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
