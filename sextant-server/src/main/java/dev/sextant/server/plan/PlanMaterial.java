package dev.sextant.server.plan;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.plan.Target;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.InputRevision;
import dev.sextant.server.store.PlanInputs;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoredKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything {@link PlanService} makes a plan from, loaded from the store: the latest revisions for
 * a new plan, the recorded ones when a plan is replayed. The one place that says what a plan reads,
 * so that what is recorded is exactly what is read.
 *
 * @param fingerprint the environment's fingerprint revision; empty when its declared facts stand in
 * @param policies every Policy, which the policy context chooses from
 * @param environments every Environment, which policies may select by label
 * @param releases every Release, the releases in place for dependency checks
 * @param trustedKeys the keys signatures and provenance are checked against
 */
record PlanMaterial(
    Revision release,
    Revision environment,
    Optional<FingerprintRevision> fingerprint,
    boolean driftBlocked,
    List<Revision> policies,
    List<Revision> environments,
    List<Revision> releases,
    List<StoredKey> trustedKeys,
    String requester,
    Instant at) {

  /** The environment as the plan's target. */
  Target target() {
    return StoredTarget.of(environment, fingerprint, driftBlocked);
  }

  /** What is recorded with the plan: each revision read, by name and number, with its digest. */
  PlanInputs inputs() {
    SortedMap<String, List<InputRevision>> named = new TreeMap<>();
    named.put(PlanInputs.RELEASE, List.of(input(release)));
    named.put(PlanInputs.ENVIRONMENT, List.of(input(environment)));
    named.put(
        PlanInputs.FINGERPRINT,
        List.of(
            new InputRevision(
                environment.key().name(),
                fingerprint.map(FingerprintRevision::number).orElse(0L),
                target().digest())));
    named.put(PlanInputs.POLICIES, inputs(policies));
    named.put(PlanInputs.ENVIRONMENTS, inputs(environments));
    named.put(PlanInputs.RELEASES, inputs(releases));
    named.put(PlanInputs.TRUSTED_KEYS, trustedKeys.stream().map(PlanMaterial::trustedKey).toList());
    return new PlanInputs(requester, at, driftBlocked, named);
  }

  private static List<InputRevision> inputs(List<Revision> revisions) {
    return revisions.stream().map(PlanMaterial::input).toList();
  }

  /** A key's id is the hex SHA-256 of its DER form: its digest, which a replay checks again. */
  static InputRevision trustedKey(StoredKey key) {
    return new InputRevision(key.id(), 0, new Digest("sha256:" + key.id()));
  }

  private static InputRevision input(Revision revision) {
    return new InputRevision(revision.key().name(), revision.number(), revision.digest());
  }
}
