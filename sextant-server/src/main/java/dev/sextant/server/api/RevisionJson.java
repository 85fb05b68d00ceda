package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;
import java.time.Instant;

/**
 * How a revision looks on the wire and in {@code -o json|yaml}: the document as applied, plus a
 * {@code status} block (revision, digest, who applied it and when), as Kubernetes adds status to
 * an object. The document itself never carries {@code status}, so the two cannot clash.
 */
public final class RevisionJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RevisionJson() {}

  public static ObjectNode toJson(Revision revision) {
    ObjectNode out = revision.document();
    out.set("status", status(revision));
    return out;
  }

  /** A revision's facts without its document, as {@code history} lists them. */
  public static ObjectNode status(Revision revision) {
    ObjectNode status = NODES.objectNode();
    status.put("revision", revision.number());
    status.put("digest", revision.digest().value());
    status.put("appliedBy", revision.author());
    status.put("appliedAt", revision.createdAt().toString());
    return status;
  }

  /** What an apply did to one resource: its identity, the change, and the current revision's status. */
  public static ObjectNode outcome(ApplyOutcome outcome) {
    Revision revision = outcome.revision();
    ObjectNode out = NODES.objectNode();
    out.put("kind", revision.key().kind().displayName());
    out.put("name", revision.key().name());
    out.put("change", outcome.change().word());
    out.setAll(status(revision));
    return out;
  }

  /** Reads back what {@link #toJson} wrote; the client side of the API uses it. */
  public static Revision fromJson(JsonNode json) {
    ObjectNode document = (ObjectNode) json.deepCopy();
    JsonNode status = document.remove("status");
    Kind kind = Kind.fromDisplayName(document.path("kind").asText()).orElseThrow(() -> new IllegalArgumentException("unknown kind in response: " + document.path("kind")));
    ResourceKey key = new ResourceKey(kind, document.path("metadata").path("name").asText());
    return new Revision(key, status.path("revision").asLong(), new Digest(status.path("digest").asText()), status.path("appliedBy").asText(), Instant.parse(status.path("appliedAt").asText()), document);
  }

  /** Reads back an entry of {@code history}, whose document is not included. */
  public static Revision fromStatus(ResourceKey key, JsonNode status) {
    return new Revision(key, status.path("revision").asLong(), new Digest(status.path("digest").asText()), status.path("appliedBy").asText(), Instant.parse(status.path("appliedAt").asText()), NODES.objectNode());
  }

  public static ApplyOutcome.Change change(String word) {
    return ApplyOutcome.Change.valueOf(word.toUpperCase(java.util.Locale.ROOT));
  }
}
