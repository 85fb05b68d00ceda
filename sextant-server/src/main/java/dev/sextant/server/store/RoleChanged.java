package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * A role was granted to an identity, or taken back, on the environments a selector matches.
 *
 * @param granted true for a grant, false for a revocation
 * @param environments the label selector; empty for every environment
 */
public record RoleChanged(
    String identity, String role, String environments, boolean granted, String by)
    implements Event {
  public static final String TYPE = "role.changed";

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("identity", identity),
        granted ? "granted" : "revoked",
        Optional.empty(),
        Map.of(),
        Event.detail()
            .put("identity", identity)
            .put("role", role)
            .put("environments", environments)
            .put("by", by));
  }

  static RoleChanged of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new RoleChanged(
        Event.text(envelope, "identity"),
        Event.text(envelope, "role"),
        Event.text(envelope, "environments"),
        envelope.outcome().equals("granted"),
        Event.text(envelope, "by"));
  }
}
