package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.ResourceKey;
import java.time.Instant;

/**
 * One immutable revision of a resource: its number (1, 2, … per resource), the digest of its
 * canonical JSON, who applied it and when, and the document exactly as stored.
 */
public record Revision(
    ResourceKey key, long number, Digest digest, String author, Instant createdAt, ObjectNode document) {
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
