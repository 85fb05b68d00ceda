package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A rollout as stored: what it was started with, and where its events have brought it.
 *
 * @param strategy the Strategy's spec, as JSON
 * @param version how many events it has taken
 * @param phase the phase after the last of them, e.g. {@code progressing}
 */
public record StoredRollout(
    String id,
    String service,
    String environment,
    String stableRevision,
    String canaryRevision,
    int instances,
    ObjectNode strategy,
    long version,
    String phase,
    int weight,
    Instant created,
    String createdBy) {
  public StoredRollout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(strategy, "strategy");
  }
}
