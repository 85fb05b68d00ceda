package dev.sextant.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.util.Objects;

/**
 * A validated resource document. {@code document} is the whole document as written (apiVersion,
 * kind, metadata, spec), kept as a tree so that a revision can be read back exactly and its digest
 * computed over canonical JSON.
 */
public record Resource(Kind kind, Metadata metadata, ObjectNode document) {
  public Resource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(metadata, "metadata");
    document = document.deepCopy();
  }

  public ResourceKey key() {
    return new ResourceKey(kind, metadata.name());
  }

  public String name() {
    return metadata.name();
  }

  /** The spec subtree; an empty object when the document has none. */
  public JsonNode spec() {
    JsonNode spec = document.get("spec");
    return spec == null ? document.objectNode() : spec;
  }

  /** The sha256 digest of the document's canonical JSON. */
  public Digest digest() {
    return Digest.sha256(CanonicalJson.bytes(document));
  }

  /** A defensive copy of the document, so callers cannot change this value. */
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
