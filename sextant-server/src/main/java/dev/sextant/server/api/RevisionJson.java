package dev.sextant.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiJson;
import dev.sextant.api.AppliedResource;
import dev.sextant.api.ResourceRevision;
import dev.sextant.api.ResourceStatus;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Revision;

/**
 * How a revision looks on the wire and in {@code -o json|yaml}: the document as applied, plus a
 * {@code status} block (revision, digest, who applied it and when), as Kubernetes adds status to an
 * object. The document itself never carries {@code status}, so the two cannot clash.
 */
public final class RevisionJson {

  private RevisionJson() {}

  public static ObjectNode toJson(Revision revision) {
    return resource(revision).json();
  }

  /** A revision as the API's record: its document and its status. */
  public static ResourceRevision resource(Revision revision) {
    return new ResourceRevision(revision.document().deepCopy(), statusOf(revision));
  }

  /** A revision's facts without its document, as the API's record. */
  public static ResourceStatus statusOf(Revision revision) {
    return new ResourceStatus(
        revision.number(),
        revision.digest().value(),
        revision.author(),
        revision.createdAt().toString());
  }

  /** A revision's facts without its document, as {@code history} lists them. */
  public static ObjectNode status(Revision revision) {
    return ApiJson.mapper().valueToTree(statusOf(revision));
  }

  /** What an apply did to one resource, as the API's record. */
  public static AppliedResource applied(ApplyOutcome outcome) {
    Revision revision = outcome.revision();
    ResourceStatus status = statusOf(revision);
    return new AppliedResource(
        revision.key().kind().displayName(),
        revision.key().name(),
        outcome.change().word(),
        status.revision(),
        status.digest(),
        status.appliedBy(),
        status.appliedAt());
  }

  /**
   * What an apply did to one resource: its identity, the change, and the current revision's status.
   */
  public static ObjectNode outcome(ApplyOutcome outcome) {
    return ApiJson.mapper().valueToTree(applied(outcome));
  }

  public static ApplyOutcome.Change change(String word) {
    return ApplyOutcome.Change.valueOf(word.toUpperCase(java.util.Locale.ROOT));
  }
}
