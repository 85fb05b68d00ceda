package dev.sextant.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The versioned fingerprints of environments. Like resources, nothing is edited in place: a
 * fingerprint whose digest differs from the environment's current one is a new revision; one with
 * the same digest adds nothing, however much later it was collected.
 */
public interface FingerprintStore {

  /**
   * Stores the fingerprint as the environment's next revision unless its digest equals the current
   * revision's.
   *
   * @throws ConcurrentWriteException when concurrent records to the environment won every attempt
   * @throws IllegalArgumentException when the environment name is blank or too long
   */
  FingerprintOutcome record(String environment, FingerprintRecord fingerprint);

  /** The environment's current (latest) revision. */
  Optional<FingerprintRevision> latest(String environment);

  /** One revision by its number. */
  Optional<FingerprintRevision> revision(String environment, long number);

  /** Every revision of the environment, oldest first, without documents. */
  List<FingerprintSummary> history(String environment);

  /** The names of the environments that have fingerprints, sorted by code point. */
  List<String> environments();

  /**
   * Marks a revision as the environment's last known good, replacing any earlier mark; marking the
   * same revision again records the new time and marker.
   *
   * @param markedBy who marks it: a user, or the rollout engine after a successful deployment
   * @throws NoSuchFingerprintException when the environment has no such revision
   */
  LastKnownGood markLastKnownGood(String environment, long revision, String markedBy);

  /** The environment's last known good fingerprint; empty until one is marked. */
  Optional<LastKnownGood> lastKnownGood(String environment);
}
