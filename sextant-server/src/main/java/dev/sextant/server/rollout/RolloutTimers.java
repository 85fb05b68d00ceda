package dev.sextant.server.rollout;

import java.time.Instant;

/**
 * Where a rollout's timers and step deadlines wait until due. On the server, db-scheduler on the
 * store ({@link RolloutWork}), so that whichever server is alive then fires them; asking twice for
 * the same timer or deadline keeps one.
 */
public interface RolloutTimers {
  /** Nowhere: nothing fires by itself (tests that drive every event). */
  RolloutTimers NONE =
      new RolloutTimers() {
        @Override
        public void timer(String rollout, String timer, Instant at) {}

        @Override
        public void deadline(String rollout, long version, Instant at) {}
      };

  /** Fires {@code TimerFired(timer)} for the rollout at {@code at}. */
  void timer(String rollout, String timer, Instant at);

  /** Fires {@code DeadlinePassed} at {@code at}, if the rollout is still at {@code version}. */
  void deadline(String rollout, long version, Instant at);
}
