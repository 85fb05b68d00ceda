package dev.sextant.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server's API as a Java interface, one method an endpoint. Every failure is an {@link
 * ApiProblem} with its kind.
 */
public interface SextantApi {

  /**
   * {@code POST /api/v1/apply}: the inputs applied atomically, or only validated when {@code
   * dryRun}. The author recorded is the identity of the client's token.
   */
  ApplyResult apply(List<NamedInput> inputs, boolean dryRun);

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
  FingerprintRecorded reportFingerprint(String agent, String fingerprintJson);

  /** {@code GET .../environments/{env}/fingerprints}; empty when it has none (404). */
  Optional<FingerprintHistory> fingerprints(String environment);

  /** {@code GET .../environments/{env}/fingerprints/{n}}; empty when there is no such one (404). */
  Optional<FingerprintDocument> fingerprint(String environment, long number);

  /** {@code GET .../environments/{env}/fingerprints/latest}; empty when it has none (404). */
  Optional<FingerprintDocument> latestFingerprint(String environment);

  /**
   * {@code POST .../environments/{env}/fingerprints}: a fingerprint file, JSON or YAML as {@code
   * mediaType} says, named in problems as {@code input.name()}.
   */
  FingerprintRecorded recordFingerprint(String environment, NamedInput input, String mediaType);

  /**
   * {@code POST .../environments/{env}/last-known-good}: marks a revision (the latest when none is
   * given) as known good, by the identity of the client's token.
   */
  LastKnownGood acceptFingerprint(String environment, Optional<Long> revision);

  /** {@code GET .../environments/{env}/drift}; empty when the environment is unknown (404). */
  Optional<EnvironmentDrift> drift(String environment);

  /** {@code GET .../environments/{env}/drift/reports}: the last {@code limit} saved reports. */
  DriftReports driftReports(String environment, int limit);

  /** {@code GET /api/v1/events}: the last {@code limit} events, of a type when one is given. */
  List<EventItem> events(Optional<String> type, int limit);

  /**
   * {@code GET /api/v1/reports/delivery}: DORA's delivery figures per service and environment.
   *
   * @throws ApiProblem invalid input (400) for a window that is not a length of time
   */
  DeliveryReport deliveryReport(DeliveryReportRequest request);

  /**
   * {@code GET /api/v1/events/stream}: every event after sequence number {@code after}, then each
   * new one as it is committed, until {@code each} returns false.
   */
  void streamEvents(long after, Predicate<EventItem> each);

  /** {@code GET /api/v1/notifications/dead-letters}: the last {@code limit}, newest first. */
  NotificationDeliveries deadLetters(int limit);

  /**
   * {@code POST /api/v1/notifications/dead-letters/{id}/replay}: sends a dead letter again, with
   * its attempts counted afresh; a delivery already pending or delivered is left as it is.
   */
  NotificationDelivery replay(long id);

  /** {@code GET /api/v1/notifications/deliveries?rollout=}: every notification about a rollout. */
  NotificationDeliveries deliveries(String rollout);

  /** {@code GET /api/v1/ledger/head}: the latest signed tree head, if one was published. */
  Optional<LedgerHead> ledgerHead();

  /**
   * {@code POST /api/v1/ledger/heads}: signs a head over the log now, or gives the latest head when
   * the log did not grow since.
   */
  LedgerHead publishLedgerHead();

  /** {@code GET /api/v1/ledger/verify}: the ledger checked against the events as they are now. */
  LedgerCheck verifyLedger();

  /**
   * {@code GET /api/v1/ledger/entries?after=&limit=}: the leaves after sequence number {@code
   * after} (0 for the first), in order, at most {@code limit}.
   */
  LedgerLog ledgerLog(long after, int limit);

  /**
   * {@code GET /api/v1/ledger/proofs/inclusion?sequence=&treeSize=}: the inclusion proof of event
   * {@code sequence} in the tree of size {@code treeSize}, by default the latest signed head's.
   *
   * @return empty when no treeSize is given and no head was signed yet
   */
  Optional<LedgerInclusionProof> ledgerInclusionProof(long sequence, Optional<Long> treeSize);

  /**
   * {@code GET /api/v1/ledger/proofs/consistency?from=&to=}: the proof that the tree of size {@code
   * from} is a prefix of the tree of size {@code to}.
   */
  LedgerConsistencyProof ledgerConsistencyProof(long from, long to);

  /**
   * {@code GET /api/v1/ledger/bundle?rollout=|release=|environment=&since=&until=}: the evidence
   * bundle of a selection, as its file (one line of RFC 8785 JSON and a newline).
   *
   * @param scope {@code rollout}, {@code release} or {@code environment}
   */
  String evidenceBundle(
      String scope, String name, Optional<Instant> since, Optional<Instant> until);
}
