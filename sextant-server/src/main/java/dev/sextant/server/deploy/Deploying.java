package dev.sextant.server.deploy;

import dev.sextant.server.plan.PlanService;
import dev.sextant.server.rollout.DeployTarget;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutTimers;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.Database;
import java.time.Clock;

/** The deploying side of a server: its deployments, the engine under them, and their target. */
public record Deploying(
    Deployments deployments, RolloutWatchers watchers, RolloutEngine engine, DeployTarget target)
    implements AutoCloseable {

  /**
   * Deployments over the store with no target and no timers: rollouts are read and shown, and a
   * deploy is refused. What the CLI's local mode and tests of the API alone use; a server replaces
   * it with its own.
   */
  public static Deploying withoutTarget(
      Database database,
      ResourceService resources,
      PlanService plans,
      DeliveryMetrics metrics,
      Clock clock) {
    RolloutWatchers watchers = new RolloutWatchers();
    RolloutEngine engine =
        new RolloutEngine(
            database,
            DeployTarget.NONE,
            RolloutTimers.NONE,
            clock,
            new DeployHooks(watchers, metrics, clock));
    return new Deploying(
        new Deployments(database, resources, plans, engine, DeployTarget.NONE, clock),
        watchers,
        engine,
        DeployTarget.NONE);
  }

  /** Stops what the target runs. */
  @Override
  public void close() {
    target.close();
  }
}
