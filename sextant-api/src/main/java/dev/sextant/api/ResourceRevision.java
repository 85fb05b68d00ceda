package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource revision as {@code GET /api/v1/{kind}/{name}} and {@code .../revisions/{n}} return it
 * and the lists hold it: the document as applied, with a {@code status} block added after its
 * fields. The document itself never carries {@code status}.
 */
public record ResourceRevision(ObjectNode document, ResourceStatus status) {

  /** The document's {@code kind}, as it names it ({@code Service}, …). */
  public String kind() {
    return document.path("kind").asText();
  }

  /** The document's {@code metadata.name}. */
  public String name() {
    return document.path("metadata").path("name").asText();
  }

  /** The wire form: the document's fields, then {@code status}. */
  @JsonValue
  public ObjectNode json() {
    ObjectNode out = document.deepCopy();
    ObjectNode block = out.putObject("status");
    block.put("revision", status.revision());
    block.put("digest", status.digest());
    block.put("appliedBy", status.appliedBy());
    block.put("appliedAt", status.appliedAt());
    return out;
  }

  /** Reads back what {@link #json()} wrote. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ResourceRevision of(ObjectNode json) {
    ObjectNode document = json.deepCopy();
    JsonNode block = document.remove("status");
    JsonNode s = block == null ? document.objectNode() : block;
    return new ResourceRevision(
        document,
        new ResourceStatus(
            s.path("revision").asLong(),
            s.path("digest").asText(),
            s.path("appliedBy").asText(),
            s.path("appliedAt").asText()));
  }
}
