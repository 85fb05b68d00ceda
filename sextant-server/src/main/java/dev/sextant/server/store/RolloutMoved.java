package dev.sextant.server.store;

import java.util.Map;
import java.util.Optional;

/**
 * A rollout took an event and moved to a new version: what the event asked ({@code start}, {@code
 * fire a timer}, {@code promote}…), the phase and canary weight it led to, and why.
 *
 * @param commands how many commands the move asked the target to carry out
 * @param by the operator whose verb (start, pause, promote, approve…) moved it; empty when the
 *     engine moved it itself (a timer, a verdict, a deadline), and in rows written before operators
 *     were recorded
 */
public record RolloutMoved(
    String rollout,
    long version,
    String verb,
    String phase,
    int weight,
    String reason,
    int commands,
    Optional<String> by)
    implements Event {
  public static final String TYPE = "rollout.moved";

  /** A move the engine made itself. */
  public RolloutMoved(
      String rollout,
      long version,
      String verb,
      String phase,
      int weight,
      String reason,
      int commands) {
    this(rollout, version, verb, phase, weight, reason, commands, Optional.empty());
  }

  @Override
  public String actor() {
    return by.orElse(SYSTEM);
  }

  @Override
  public EventEnvelope envelope() {
    var detail =
        Event.detail()
            .put("version", version)
            .put("verb", verb)
            .put("weight", weight)
            .put("commands", commands);
    by.ifPresent(name -> detail.put("by", name));
    return Event.envelope(
        TYPE,
        Event.subject("rollout", rollout),
        phase,
        reason.isEmpty() ? Optional.empty() : Optional.of(reason),
        Map.of(),
        detail);
  }

  static RolloutMoved of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new RolloutMoved(
        Event.subjectName(envelope),
        Event.number(envelope, "version"),
        Event.text(envelope, "verb"),
        envelope.outcome(),
        (int) Event.number(envelope, "weight"),
        envelope.reason().orElse(""),
        (int) Event.number(envelope, "commands"),
        Event.optionalText(envelope, "by"));
  }
}
