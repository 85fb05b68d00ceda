package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET .../environments/{env}/fingerprints/{n|latest}}: the fingerprint document, with a
 * {@code status} block added after its fields.
 */
public record FingerprintDocument(ObjectNode document, FingerprintStatus status) {

  /** The wire form: the document's fields, then {@code status}. */
  @JsonValue
  public ObjectNode json() {
    ObjectNode out = document.deepCopy();
    out.set("status", ApiJson.mapper().valueToTree(status));
    return out;
  }

  /** Reads back what {@link #json()} wrote. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static FingerprintDocument of(ObjectNode json) {
    ObjectNode document = json.deepCopy();
    JsonNode block = document.remove("status");
    try {
      return new FingerprintDocument(
          document, ApiJson.mapper().treeToValue(block, FingerprintStatus.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a fingerprint status: " + e.getOriginalMessage(), e);
    }
  }
}
