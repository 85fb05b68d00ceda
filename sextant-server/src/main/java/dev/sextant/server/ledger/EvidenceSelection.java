package dev.sextant.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.ledger.LedgerEntry;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Which ledger entries an evidence bundle holds. It reads the log twice: the first pass {@link
 * #learn learns} which rollouts and plans belong to the selection (a rollout's plan is named by its
 * {@code deployment.started}, which comes after the plan's own events), the second {@link #selects
 * selects} the entries about any of them within the time window.
 *
 * <ul>
 *   <li>a rollout: its own events, the events of the plan its deployment started from, and the
 *       revision it marked good or bad;
 *   <li>a release: the release resource's events, and the rollouts and plans of the release;
 *   <li>an environment: the environment's events, its rollouts and plans, every event whose detail
 *       names the environment (fingerprints, drift) and the revisions marked in it.
 * </ul>
 */
final class EvidenceSelection {
  private static final String STARTED = "deployment.started";
  private static final String SUBMITTED = "plan.submitted";
  private static final String MARKED = "revision.marked";

  private final EvidenceQuery query;
  private final Set<String> subjects = new HashSet<>();

  EvidenceSelection(EvidenceQuery query) {
    this.query = query;
    subjects.add(query.scope().key() + "/" + query.name());
  }

  /** The first pass: note the rollouts and plans this entry shows to belong to the selection. */
  void learn(LedgerEntry entry) {
    JsonNode detail = detail(entry);
    switch (query.scope()) {
      case ROLLOUT -> {
        if (entry.type().equals(STARTED) && subjects.contains(entry.subject())) {
          addPlan(detail);
        }
      }
      case RELEASE, ENVIRONMENT -> {
        String field = query.scope().key();
        if (!query.name().equals(detail.path(field).asText(null))) {
          return;
        }
        if (entry.type().equals(STARTED)) {
          subjects.add(entry.subject());
          addPlan(detail);
        } else if (entry.type().equals(SUBMITTED)) {
          subjects.add(entry.subject());
        }
      }
    }
  }

  /** The second pass: whether the bundle holds this entry. */
  boolean selects(LedgerEntry entry) {
    return query.covers(Instant.parse(entry.at())) && related(entry);
  }

  private boolean related(LedgerEntry entry) {
    if (subjects.contains(entry.subject())) {
      return true;
    }
    JsonNode detail = detail(entry);
    return switch (query.scope()) {
      case ROLLOUT ->
          entry.type().equals(MARKED) && query.name().equals(detail.path("rollout").asText(null));
      case RELEASE -> false;
      case ENVIRONMENT ->
          query.name().equals(detail.path("environment").asText(null))
              || entry.subject().startsWith("service/" + query.name() + "/");
    };
  }

  private void addPlan(JsonNode detail) {
    if (detail.path("plan").isTextual()) {
      subjects.add("plan/" + detail.path("plan").asText());
    }
  }

  private static JsonNode detail(LedgerEntry entry) {
    return entry.payload().path("detail");
  }
}
