package dev.sextant.server.rollout;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * An operation the rollout's state does not allow ("cannot promote: the rollout is aborted"), or a
 * rollout that does not exist. Nothing was changed; sending it again does not help.
 */
public final class RolloutRefusal extends RuntimeException implements Failure {
  private final ProblemKind kind;

  public RolloutRefusal(ProblemKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  @Override
  public ProblemKind kind() {
    return kind;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
