package dev.sextant.server.plan;

import dev.sextant.api.PlanReplayed;
import dev.sextant.api.PlanReplayed.ReplayedInput;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.PlanJson;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.server.Failure;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.InputRevision;
import dev.sextant.server.store.PlanInputs;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.StoredDeployment;
import dev.sextant.server.store.StoredKey;
import dev.sextant.server.store.StoredPlan;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes a rollout's plan again from the inputs recorded with it: each revision it read, loaded by
 * number and checked against its recorded digest (its content hashed again, so a revision edited in
 * the database is found), the fingerprint revision, the drift state, the requester and the time;
 * then the same planner. The same digest shows the plan follows from its inputs; a different one
 * comes with what differs and which input changed.
 */
public final class PlanReplay {
  /** The kind of the resource revisions in each named input set. */
  private static final Map<String, Kind> RESOURCES =
      Map.of(
          PlanInputs.RELEASE, Kind.RELEASE,
          PlanInputs.RELEASES, Kind.RELEASE,
          PlanInputs.ENVIRONMENT, Kind.ENVIRONMENT,
          PlanInputs.ENVIRONMENTS, Kind.ENVIRONMENT,
          PlanInputs.POLICIES, Kind.POLICY);

  private final Database database;
  private final PlanService plans;

  public PlanReplay(Database database, PlanService plans) {
    this.database = database;
    this.plans = plans;
  }

  /**
   * The environment a rollout deploys to, whose read permission a replay needs.
   *
   * @throws RolloutRefusal not found for an unknown rollout
   */
  public String environmentOf(String rollout) {
    return rollout(rollout).environment();
  }

  /**
   * @throws RolloutRefusal not found for an unknown rollout; conflict for one that no plan allowed,
   *     or whose plan was made before plans recorded their inputs
   */
  public PlanReplayed replay(String rollout) {
    rollout(rollout);
    StoredPlan plan =
        database.read(
            "read the plan of rollout " + rollout,
            tx -> {
              StoredDeployment deployment =
                  tx.deployments()
                      .of(rollout)
                      .filter(d -> d.plan().isPresent())
                      .orElseThrow(
                          () ->
                              new RolloutRefusal(
                                  ProblemKind.CONFLICT,
                                  "rollout "
                                      + rollout
                                      + " was started without a plan (an undo goes back"
                                      + " without one): there is no plan to replay"));
              String name = deployment.plan().orElseThrow();
              return tx.plans()
                  .find(Long.parseLong(name.substring(StoredPlan.PREFIX.length())))
                  .orElseThrow(
                      () ->
                          new RolloutRefusal(
                              ProblemKind.CONFLICT,
                              "rollout " + rollout + " names " + name + ", which is not stored"));
            });
    PlanInputs recorded =
        plan.inputs()
            .orElseThrow(
                () ->
                    new RolloutRefusal(
                        ProblemKind.CONFLICT,
                        plan.name()
                            + " of rollout "
                            + rollout
                            + " was made before plans recorded their inputs: it cannot be"
                            + " replayed"));
    return database.read("replay " + plan.name(), tx -> replay(tx, rollout, plan, recorded));
  }

  private PlanReplayed replay(
      Transaction tx, String rollout, StoredPlan plan, PlanInputs recorded) {
    List<ReplayedInput> checked = new ArrayList<>();
    Map<String, List<Revision>> loaded = new TreeMap<>();
    List<StoredKey> trustedKeys = new ArrayList<>();
    Optional<String> problem = Optional.empty();
    for (var set : recorded.named().entrySet()) {
      Kind kind = RESOURCES.get(set.getKey());
      if (set.getKey().equals(PlanInputs.FINGERPRINT)) {
        continue; // checked once the target is made again, below
      }
      if (set.getKey().equals(PlanInputs.TRUSTED_KEYS)) {
        for (InputRevision input : set.getValue()) {
          Optional<StoredKey> key = tx.trust().key(input.name());
          key.ifPresent(trustedKeys::add);
          checked.add(checked(set.getKey(), input, key.map(PlanReplay::keyDigest)));
        }
        continue;
      }
      if (kind == null) {
        // A kind of input a later server records: this one cannot load it, so cannot replay.
        set.getValue()
            .forEach(input -> checked.add(checked(set.getKey(), input, Optional.empty())));
        continue;
      }
      List<Revision> revisions = new ArrayList<>();
      for (InputRevision input : set.getValue()) {
        Optional<Revision> revision =
            tx.resources().revision(new ResourceKey(kind, input.name()), input.revision());
        revision.ifPresent(revisions::add);
        checked.add(checked(set.getKey(), input, revision.map(PlanReplay::contentDigest)));
      }
      loaded.put(set.getKey(), revisions);
    }
    InputRevision fingerprintInput = recorded.one(PlanInputs.FINGERPRINT);
    Optional<FingerprintRevision> fingerprint =
        fingerprintInput.revision() == 0
            ? Optional.empty()
            : tx.fingerprints().revision(fingerprintInput.name(), fingerprintInput.revision());
    boolean missing =
        checked.stream().anyMatch(i -> i.status().equals("missing"))
            || (fingerprintInput.revision() != 0 && fingerprint.isEmpty());
    Optional<Plan> replayed = Optional.empty();
    if (missing) {
      problem =
          Optional.of(
              "the store no longer has, or this server cannot load, every input the plan read");
      if (fingerprint.isEmpty() && fingerprintInput.revision() != 0) {
        checked.add(checked(PlanInputs.FINGERPRINT, fingerprintInput, Optional.empty()));
      }
    } else {
      PlanMaterial material =
          new PlanMaterial(
              loaded.get(PlanInputs.RELEASE).get(0),
              loaded.get(PlanInputs.ENVIRONMENT).get(0),
              fingerprint,
              recorded.driftBlocked(),
              loaded.get(PlanInputs.POLICIES),
              loaded.get(PlanInputs.ENVIRONMENTS),
              loaded.get(PlanInputs.RELEASES),
              trustedKeys,
              recorded.requester(),
              recorded.at());
      try {
        checked.add(
            checked(
                PlanInputs.FINGERPRINT, fingerprintInput, Optional.of(material.target().digest())));
        replayed = Optional.of(plans.plan(material));
      } catch (RuntimeException e) {
        if (!(e instanceof Failure
            || e instanceof InvalidInputException
            || e instanceof IllegalArgumentException)) {
          throw e;
        }
        problem = Optional.of("the recorded inputs no longer make a plan: " + e.getMessage());
      }
    }
    Optional<Digest> digest = replayed.map(Plan::digest);
    return new PlanReplayed(
        rollout,
        plan.name(),
        recorded.requester(),
        recorded.at().toString(),
        plan.digest().value(),
        digest.map(Digest::value),
        digest.equals(Optional.of(plan.digest())),
        checked,
        replayed
            .map(p -> PlanDifferences.between(plan.document(), PlanJson.write(p)))
            .orElse(List.of()),
        problem);
  }

  /** A trusted key's digest made again from the key itself, so an edited row is found. */
  private static Digest keyDigest(StoredKey key) {
    return new Digest("sha256:" + PublicKeys.id(PublicKeys.fromPem(key.publicKey())));
  }

  private static ReplayedInput checked(String set, InputRevision input, Optional<Digest> found) {
    String status =
        found.isEmpty() ? "missing" : found.get().equals(input.digest()) ? "same" : "changed";
    return new ReplayedInput(
        set,
        input.name(),
        input.revision(),
        input.digest().value(),
        status,
        found.filter(d -> !d.equals(input.digest())).map(Digest::value));
  }

  /**
   * The digest of a revision's content as stored now: hashed again, so that a document edited under
   * its old digest is found.
   */
  private static Digest contentDigest(Revision revision) {
    return Digest.sha256(CanonicalJson.bytes(revision.document()));
  }

  private StoredRollout rollout(String id) {
    return database
        .read("read rollout " + id, tx -> tx.rollouts().find(id))
        .orElseThrow(
            () ->
                new RolloutRefusal(
                    ProblemKind.NOT_FOUND,
                    "no rollout " + id + " ('sextant rollout list' shows the last ones)"));
  }
}
