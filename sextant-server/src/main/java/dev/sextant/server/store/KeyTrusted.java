package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** A public key was added to the trust store: signatures by it now count in policies. */
public record KeyTrusted(String keyId, String name, String algorithm, String by) implements Event {
  public static final String TYPE = "key.trusted";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("key", keyId),
        "trusted",
        Optional.empty(),
        Map.of(),
        Event.detail()
            .put("keyId", keyId)
            .put("name", name)
            .put("algorithm", algorithm)
            .put("by", by));
  }

  static KeyTrusted of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new KeyTrusted(
        Event.text(envelope, "keyId"),
        Event.text(envelope, "name"),
        Event.text(envelope, "algorithm"),
        Event.text(envelope, "by"));
  }
}
