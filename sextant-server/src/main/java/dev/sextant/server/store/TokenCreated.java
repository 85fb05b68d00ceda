package dev.sextant.server.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An API token was made for an identity (and the identity with it, when it is new). The event names
 * the token by its id; the token itself is shown once to whoever made it and kept nowhere.
 *
 * @param expires when the token stops working; empty when it does not expire
 */
public record TokenCreated(
    String token, String identity, boolean newIdentity, Optional<Instant> expires, String by)
    implements Event {
  public static final String TYPE = "token.created";

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    var detail =
        Event.detail()
            .put("tokenId", token)
            .put("identity", identity)
            .put("newIdentity", newIdentity)
            .put("by", by);
    expires.ifPresent(at -> detail.put("expires", at.toString()));
    return Event.envelope(
        TYPE, Event.subject("identity", identity), "created", Optional.empty(), Map.of(), detail);
  }

  static TokenCreated of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    var expires = envelope.detailToRead().path("expires");
    return new TokenCreated(
        Event.text(envelope, "tokenId"),
        Event.text(envelope, "identity"),
        envelope.detailToRead().path("newIdentity").asBoolean(),
        expires.isTextual() ? Optional.of(Instant.parse(expires.asText())) : Optional.empty(),
        Event.text(envelope, "by"));
  }
}
