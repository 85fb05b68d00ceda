package dev.sextant.server.store;

import dev.sextant.api.ProblemKind;

/**
 * A registration under an agent's name that does not match the agent registered under it: another
 * key, or another environment. Nothing was changed; a stolen or reused name must never replace the
 * key that the real agent signs with.
 */
public final class AgentConflictException extends StoreException {
  private final String agent;

  AgentConflictException(String agent, String message) {
    super(message);
    this.agent = agent;
  }

  /** A conflict that trying again will not resolve: the name stays another's. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.CONFLICT;
  }

  @Override
  public boolean retryable() {
    return false;
  }

  public String agent() {
    return agent;
  }
}
