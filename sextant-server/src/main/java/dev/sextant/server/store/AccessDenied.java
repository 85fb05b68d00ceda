package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * A request was refused before it ran: without a valid token (401), or by a caller whose roles do
 * not allow it (403). Who asked, what, and from where; never the token.
 *
 * @param who the identity, or {@code anonymous} when no valid token was presented
 * @param status 401 or 403
 * @param from the client's address as the server saw it
 */
public record AccessDenied(
    String who, String method, String path, String from, int status, String reason)
    implements Event {
  public static final String TYPE = "access.denied";

  @Override
  public String actor() {
    return who;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("identity", who),
        status == 401 ? "unauthenticated" : "forbidden",
        Optional.of(reason),
        Map.of(),
        Event.detail()
            .put("who", who)
            .put("method", method)
            .put("path", path)
            .put("from", from)
            .put("status", status));
  }

  static AccessDenied of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new AccessDenied(
        Event.text(envelope, "who"),
        Event.text(envelope, "method"),
        Event.text(envelope, "path"),
        Event.text(envelope, "from"),
        (int) Event.number(envelope, "status"),
        envelope.reason().orElse(""));
  }
}
