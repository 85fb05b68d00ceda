package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/** An API token was revoked: from now on it is refused. */
public record TokenRevoked(String token, String identity, String by) implements Event {
  public static final String TYPE = "token.revoked";

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("identity", identity),
        "revoked",
        Optional.empty(),
        Map.of(),
        Event.detail().put("tokenId", token).put("identity", identity).put("by", by));
  }

  static TokenRevoked of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new TokenRevoked(
        Event.text(envelope, "tokenId"),
        Event.text(envelope, "identity"),
        Event.text(envelope, "by"));
  }
}
