package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * An operator's request to change state was refused (an undeclared environment, a fingerprint
 * revision that does not exist…); nothing else was stored.
 *
 * @param subject what the request was about, {@code kind/name}
 * @param request what was asked, in a word: {@code record-fingerprint}, {@code
 *     mark-last-known-good}
 * @param by the operator who asked; empty in rows written before operators were recorded
 */
public record RequestRefused(String subject, String request, String reason, Optional<String> by)
    implements Event {
  public static final String TYPE = "request.refused";

  @Override
  public String actor() {
    return by.orElse(SYSTEM);
  }

  @Override
  public EventEnvelope envelope() {
    var detail = Event.detail().put("request", request);
    by.ifPresent(name -> detail.put("by", name));
    return Event.envelope(TYPE, subject, "refused", Optional.of(reason), Map.of(), detail);
  }

  static RequestRefused of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new RequestRefused(
        envelope.subject(),
        Event.text(envelope, "request"),
        envelope.reason().orElse(""),
        Event.optionalText(envelope, "by"));
  }
}
