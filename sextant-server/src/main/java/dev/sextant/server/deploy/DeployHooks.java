package dev.sextant.server.deploy;

import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.rollout.RolloutHooks;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.LastKnownGoodMarked;
import dev.sextant.server.store.RevisionMarked;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What ending a rollout means for its service, in the transaction that ends it: the environment's
 * lock goes; a completed rollout marks its revision good and the environment's fingerprint of that
 * moment its last known good; a failed one marks its revision bad.
 */
public final class DeployHooks implements RolloutHooks {
  private final RolloutWatchers watchers;
  private final DeliveryMetrics metrics;
  private final Clock clock;

  public DeployHooks(RolloutWatchers watchers, DeliveryMetrics metrics, Clock clock) {
    this.watchers = watchers;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void ended(Transaction tx, StoredRollout rollout, RolloutState state) {
    tx.deployments().unlock(rollout.environment(), rollout.service(), rollout.id());
    if (state.phase() == Phase.SUCCEEDED) {
      mark(tx, rollout, "good");
      Optional<FingerprintRevision> fingerprint = tx.fingerprints().latest(rollout.environment());
      if (fingerprint.isPresent()) {
        String by = "rollout " + rollout.id();
        tx.fingerprints().markLastKnownGood(rollout.environment(), fingerprint.get().number(), by);
        tx.events()
            .append(
                new LastKnownGoodMarked(
                    rollout.environment(),
                    fingerprint.get().number(),
                    fingerprint.get().digest(),
                    by));
      }
    } else if (state.phase() == Phase.FAILED) {
      mark(tx, rollout, "bad");
    }
  }

  @Override
  public void moved(StoredRollout rollout, RolloutState state, boolean ended) {
    watchers.changed(rollout.id());
    if (ended) {
      metrics.ended(
          rollout.environment(),
          rollout.service(),
          state.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          Duration.between(rollout.created(), clock.instant()));
    }
  }

  @Override
  public void canaryCut(StoredRollout rollout, RolloutState state, Duration latency) {
    metrics.canaryCut(rollout.environment(), rollout.service(), latency);
  }

  private static void mark(Transaction tx, StoredRollout rollout, String mark) {
    tx.deployments()
        .mark(
            rollout.environment(), rollout.service(), rollout.canaryRevision(), mark, rollout.id());
    tx.events()
        .append(
            new RevisionMarked(
                rollout.environment(),
                rollout.service(),
                rollout.canaryRevision(),
                mark,
                rollout.id()));
  }
}
