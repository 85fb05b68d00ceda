package dev.sextant.server.store;

import dev.sextant.api.ProblemKind;

/** No agent is registered under that name. */
public final class NoSuchAgentException extends StoreException {
  private final String agent;

  NoSuchAgentException(String agent) {
    super("no agent is registered under the name " + agent);
    this.agent = agent;
  }

  @Override
  public ProblemKind kind() {
    return ProblemKind.NOT_FOUND;
  }

  public String agent() {
    return agent;
  }
}
