package dev.sextant.server.store;

/** What a registration did: the agent as registered, and whether it is new. */
public record AgentOutcome(Agent agent, Change change) {
  public enum Change {
    /** The name was free: the agent is registered now. */
    REGISTERED,
    /** The agent was registered already, with the same key and environment: nothing changed. */
    UNCHANGED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
