package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.ResourceKey;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable revision of a resource: its number (1, 2, … per resource), the digest of its
 * canonical JSON, who applied it and when, and the document exactly as stored.
 */
public record Revision(
    ResourceKey key,
    long number,
    Digest digest,
    String author,
    Instant createdAt,
    ObjectNode document) {
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }

  /** The labels in the document's {@code metadata.labels}; empty when it has none. */
  public Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>();
    document
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
    return Collections.unmodifiableMap(labels);
  }
}
