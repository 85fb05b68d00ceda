package dev.sextant.server.deploy;

import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.rollout.TargetView;
import dev.sextant.server.store.StoredDeployment;
import dev.sextant.server.store.StoredJudgement;
import dev.sextant.server.store.StoredMeasurement;
import dev.sextant.server.store.StoredRollout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rollout as shown: what was stored, where its events brought it, what it deploys, its
 * measurements and its judges' results, and what the target runs for it now.
 *
 * @param updated when its last event was recorded
 * @param settled whether every command of its moves has been carried out: the target is where the
 *     rollout's state says
 */
public record RolloutView(
    StoredRollout rollout,
    RolloutState state,
    Optional<StoredDeployment> deployment,
    List<StoredMeasurement> measurements,
    List<StoredJudgement> judgements,
    Instant updated,
    boolean settled,
    TargetView target) {}
