package dev.sextant.server.store;

/** No agent is registered under that name. */
public final class NoSuchAgentException extends StoreException {
  private final String agent;

  NoSuchAgentException(String agent) {
    super("no agent is registered under the name " + agent);
    this.agent = agent;
  }

  public String agent() {
    return agent;
  }
}
