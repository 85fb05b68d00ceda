package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** A registration was refused (wrong token, undeclared environment, a name taken…). */
public record AgentRefused(String agent, String environment, String reason) implements Event {
  public static final String TYPE = "agent.refused";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("agent", agent),
        "refused",
        Optional.of(reason),
        Map.of(),
        Event.detail().put("environment", environment));
  }

  static AgentRefused of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new AgentRefused(
        Event.subjectName(envelope),
        Event.text(envelope, "environment"),
        envelope.reason().orElse(""));
  }
}
