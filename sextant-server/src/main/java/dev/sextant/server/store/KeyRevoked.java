package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** A trusted key was revoked: from now on its signatures verify nothing. */
public record KeyRevoked(String keyId, String name, String by) implements Event {
  public static final String TYPE = "key.revoked";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("key", keyId),
        "revoked",
        Optional.empty(),
        Map.of(),
        Event.detail().put("keyId", keyId).put("name", name).put("by", by));
  }

  static KeyRevoked of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new KeyRevoked(
        Event.text(envelope, "keyId"), Event.text(envelope, "name"), Event.text(envelope, "by"));
  }
}
