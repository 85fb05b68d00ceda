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
