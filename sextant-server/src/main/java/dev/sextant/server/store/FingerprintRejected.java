package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;

/** An agent's report was refused (unknown agent, bad signature, malformed…); nothing was stored. */
public record FingerprintRejected(String agent, Digest report, String reason) implements Event {
  public static final String TYPE = "fingerprint.rejected";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("agent", agent),
        "refused",
        Optional.of(reason),
        Map.of("report", report),
        Event.detail());
  }

  static FingerprintRejected of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new FingerprintRejected(
        Event.subjectName(envelope), Event.input(envelope, "report"), envelope.reason().orElse(""));
  }
}
