package dev.sextant.server.api;

import dev.sextant.core.access.Permission;
import dev.sextant.server.plan.PlanReplay;

/**
 * {@code GET /api/v1/rollouts/{id}/replay}: the rollout's plan made again from its recorded inputs,
 * with the recorded and the replayed digest, and what differs. Takes read in the rollout's
 * environment.
 */
final class ReplayRoutes {
  private final PlanReplay replay;

  ReplayRoutes(PlanReplay replay) {
    this.replay = replay;
  }

  void register(RouteTable app) {
    Guard guard = app.guard();
    app.get(
        "/api/v1/rollouts/{id}/replay",
        Access.needs(Permission.READ, Access.Scope.REQUEST),
        ctx -> {
          String id = RolloutRoutes.id(ctx);
          guard.require(ctx, Permission.READ, replay.environmentOf(id));
          Responses.record(ctx, 200, replay.replay(id));
        });
  }
}
