package dev.sextant.core.rollout;

import dev.sextant.core.resource.spec.IntOrPercent;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches of a rolling update, computed as Kubernetes' Deployment controller does: surge rounds
 * up, unavailability rounds down, both zero means one may be unavailable; each batch scales the new
 * version up and the old one down from the counts before it, and the new instances are ready before
 * the next batch.
 */
public final class RollingBatches {
  private RollingBatches() {}

  /** The instances of each version once a batch is done. */
  public record Batch(int canary, int stable) {}

  public static List<Batch> of(int instances, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    if (instances < 1) {
      throw new IllegalArgumentException("a rolling update needs at least one instance");
    }
    int surge = maxSurge.percent() ? ceilPercent(maxSurge.value(), instances) : maxSurge.value();
    int unavailable =
        maxUnavailable.percent()
            ? maxUnavailable.value() * instances / 100
            : maxUnavailable.value();
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    List<Batch> batches = new ArrayList<>();
    int stable = instances;
    int canary = 0;
    while (stable > 0 || canary < instances) {
      int up = Math.max(0, Math.min(instances - canary, instances + surge - stable - canary));
      int down = Math.max(0, Math.min(stable, stable + canary - (instances - unavailable)));
      canary += up;
      stable -= down;
      batches.add(new Batch(canary, stable));
    }
    return List.copyOf(batches);
  }

  private static int ceilPercent(int percent, int instances) {
    return (percent * instances + 99) / 100;
  }
}
