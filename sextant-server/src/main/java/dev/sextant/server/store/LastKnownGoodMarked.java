package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;

/**
 * A fingerprint revision was marked as an environment's last known good: the baseline later
 * fingerprints are compared with. Stored as {@code fingerprint.accepted}, its name since V2.
 */
public record LastKnownGoodMarked(String environment, long revision, Digest fingerprint, String by)
    implements Event {
  public static final String TYPE = "fingerprint.accepted";

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        "environment/" + environment,
        "marked",
        Optional.empty(),
        Map.of("fingerprint", fingerprint),
        Event.detail().put("revision", revision).put("by", by));
  }

  static LastKnownGoodMarked of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new LastKnownGoodMarked(
        Event.subjectName(envelope),
        Event.number(envelope, "revision"),
        Event.input(envelope, "fingerprint"),
        Event.text(envelope, "by"));
  }
}
