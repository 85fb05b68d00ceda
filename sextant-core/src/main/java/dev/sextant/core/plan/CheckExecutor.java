package dev.sextant.core.plan;

import dev.sextant.core.resource.spec.Check;

/**
 * Runs tier 2's deep checks on a target itself: the local executor for this host, the agent for
 * remote hosts. The planner stays pure by asking only through this interface.
 */
public interface CheckExecutor {

  /** Runs nothing and reaches nothing: plans from fingerprint files alone. */
  CheckExecutor NONE =
      new CheckExecutor() {
        @Override
        public boolean reaches(Target target) {
          return false;
        }

        @Override
        public CheckRun run(Target target, Check check) {
          throw new IllegalStateException("no executor reaches " + target.environment());
        }
      };

  /** Whether this executor can run commands in the target's environment. */
  boolean reaches(Target target);

  /** Runs one check there, bounded by its timeout; never throws for a failing command. */
  CheckRun run(Target target, Check check);
}
