package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan submitted for the deployment of one release revision to one environment, as made when it
 * was submitted: its document is the plan's JSON, which its digest covers.
 *
 * @param verdict the verdict of the release in the environment, e.g. {@code needs-approval}
 * @param inputs what it was made from; empty for a plan made before inputs were recorded
 */
public record StoredPlan(
    long id,
    String release,
    long releaseRevision,
    String environment,
    Digest digest,
    String verdict,
    String requestedBy,
    Instant requested,
    ObjectNode document,
    Optional<PlanInputs> inputs) {
  public StoredPlan {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(inputs, "inputs");
  }

  /** The plan's name in the API and the CLI: {@code plan-7}. */
  public String name() {
    return PREFIX + id;
  }

  public static final String PREFIX = "plan-";
}
