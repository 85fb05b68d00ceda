package dev.sextant.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server's API as a Java interface, one method an endpoint. Every failure is an {@link
 * ApiProblem} with its kind.
 */
public interface SextantApi {

  /**
   * {@code POST /api/v1/apply}: the inputs applied atomically by {@code author}, or only validated
   * when {@code dryRun}.
   */
  ApplyResult apply(List<NamedInput> inputs, String author, boolean dryRun);

  /** {@code GET /api/v1/{kind}/{name}}: the latest revision; empty when there is none (404). */
  Optional<ResourceRevision> resource(String kind, String name);

  /**
   * {@code GET /api/v1/{kind}}, or {@code GET /api/v1/resources} without a kind: the latest
   * revisions, filtered by a label selector unless it is null or blank.
   */
  ResourceList resources(Optional<String> kind, String labelSelector);

  /** {@code GET /api/v1/{kind}/{name}/revisions}; empty when the resource has none (404). */
  Optional<ResourceHistory> history(String kind, String name);

  /** {@code GET /api/v1/{kind}/{name}/revisions/{n}}; empty when there is no such one (404). */
  Optional<ResourceRevision> revision(String kind, String name, long number);

  /** {@code POST /api/v1/agents}. */
  AgentRegistrationResponse registerAgent(AgentRegistrationRequest registration);

  /** {@code POST /api/v1/agents/{name}/fingerprints}: a signed fingerprint in its JSON form. */
  JsonNode reportFingerprint(String agent, String fingerprintJson);

  /** {@code GET /api/v1/events}: the last {@code limit} events, of a type when one is given. */
  List<EventItem> events(Optional<String> type, int limit);

  /**
   * {@code GET /api/v1/events/stream}: every event after sequence number {@code after}, then each
   * new one as it is committed, until {@code each} returns false.
   */
  void streamEvents(long after, Predicate<EventItem> each);
}
