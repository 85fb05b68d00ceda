package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fingerprint of an environment was received: recorded as a new revision, or unchanged (same
 * digest as the current one). Its subject is the agent that reported it ({@code agent/NAME}, when
 * the source is {@code agent:NAME}) or else the environment.
 *
 * @param by the operator who gave it; empty for an agent's report (and in rows written before
 *     operators were recorded)
 */
public record FingerprintRecorded(
    String environment,
    long revision,
    Digest fingerprint,
    String source,
    FingerprintOutcome.Change change,
    Optional<String> by)
    implements Event {
  public static final String TYPE = "fingerprint.recorded";
  private static final String AGENT_SOURCE = "agent:";

  public static FingerprintRecorded of(
      String environment,
      String source,
      Digest fingerprint,
      FingerprintOutcome outcome,
      Optional<String> by) {
    return new FingerprintRecorded(
        environment, outcome.revision().number(), fingerprint, source, outcome.change(), by);
  }

  @Override
  public String actor() {
    return by.orElse(source.startsWith(AGENT_SOURCE) ? source : SYSTEM);
  }

  @Override
  public EventEnvelope envelope() {
    String subject =
        source.startsWith(AGENT_SOURCE)
            ? "agent/" + source.substring(AGENT_SOURCE.length())
            : "environment/" + environment;
    var detail =
        Event.detail()
            .put("environment", environment)
            .put("revision", revision)
            .put("source", source);
    by.ifPresent(name -> detail.put("by", name));
    return Event.envelope(
        TYPE, subject, change.word(), Optional.empty(), Map.of("fingerprint", fingerprint), detail);
  }

  static FingerprintRecorded of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new FingerprintRecorded(
        Event.text(envelope, "environment"),
        Event.number(envelope, "revision"),
        Event.input(envelope, "fingerprint"),
        Event.text(envelope, "source"),
        FingerprintOutcome.Change.valueOf(envelope.outcome().toUpperCase(Locale.ROOT)),
        Event.optionalText(envelope, "by"));
  }
}
