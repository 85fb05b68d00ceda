package dev.sextant.server.store;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An agent registered: new, or again with the same key and environment (unchanged). */
public record AgentRegistered(
    String agent, String environment, String keyId, AgentOutcome.Change change) implements Event {
  public static final String TYPE = "agent.registered";

  @Override
  public String actor() {
    return "agent:" + agent;
  }

  public static AgentRegistered of(AgentOutcome outcome) {
    Agent agent = outcome.agent();
    return new AgentRegistered(agent.name(), agent.environment(), agent.keyId(), outcome.change());
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        "agent/" + agent,
        change.word(),
        Optional.empty(),
        Map.of(),
        Event.detail().put("environment", environment).put("keyId", keyId));
  }

  static AgentRegistered of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new AgentRegistered(
        Event.subjectName(envelope),
        Event.text(envelope, "environment"),
        Event.text(envelope, "keyId"),
        AgentOutcome.Change.valueOf(envelope.outcome().toUpperCase(Locale.ROOT)));
  }
}
