package dev.sextant.server.rollout;

import dev.sextant.core.rollout.RolloutCommand;

/**
 * Where a rollout's commands are carried out: the local target, Kubernetes, agents. A command may
 * come again after a crash, under the same idempotency key; carrying it out again must change
 * nothing (a weight set twice is the same weight, a timer scheduled twice is one timer).
 */
public interface RolloutTarget {
  /**
   * @throws RuntimeException when it cannot be carried out now; the command stays pending and comes
   *     again
   */
  void run(String rollout, RolloutCommand command);
}
