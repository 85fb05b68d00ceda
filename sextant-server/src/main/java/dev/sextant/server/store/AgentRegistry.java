package dev.sextant.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agents that report fingerprints, each with the one public key it may sign with. */
public interface AgentRegistry {

  /**
   * Registers an agent. Registering again with the same key and environment changes nothing, so an
   * agent may register on every start.
   *
   * @throws AgentConflictException when the name is registered with another key or for another
   *     environment; the registered agent is left as it was
   */
  AgentOutcome register(AgentRegistration registration);

  /**
   * Replaces an agent's key, for an operator who knows the old one is lost or compromised.
   *
   * @throws NoSuchAgentException when no agent has that name
   */
  Agent rekey(String name, String publicKey, String keyId);

  Optional<Agent> find(String name);

  /**
   * Notes that the agent was seen at that time; an earlier time than the last one noted is ignored.
   *
   * @throws NoSuchAgentException when no agent has that name
   */
  void touch(String name, Instant seenAt);

  /** Every agent, by name (code point order). */
  List<Agent> list();
}
