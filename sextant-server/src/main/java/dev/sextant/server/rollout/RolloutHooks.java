package dev.sextant.server.rollout;

import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.store.Transaction;

/**
 * What the server does around a rollout's moves, besides its commands: inside the transaction of a
 * move that ends it (let its lock go, mark its revision), and once a move is committed (wake
 * whoever watches it).
 */
public interface RolloutHooks {
  RolloutHooks NONE = new RolloutHooks() {};

  /**
   * The move about to commit in {@code tx} ends the rollout (it was not terminal before); what is
   * written here commits with it or not at all.
   */
  default void ended(Transaction tx, StoredRollout rollout, RolloutState state) {}

  /**
   * A move of the rollout committed; its commands are about to run.
   *
   * @param ended whether this move ended it
   */
  default void moved(StoredRollout rollout, RolloutState state, boolean ended) {}

  /**
   * The canary's traffic is 0 after the move that ended or held the rollout for a failure or an
   * abort, {@code latency} after that move was decided: what an abort costs before stable serves.
   */
  default void canaryCut(StoredRollout rollout, RolloutState state, java.time.Duration latency) {}
}
