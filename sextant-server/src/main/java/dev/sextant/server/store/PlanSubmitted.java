package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Map;
import java.util.Optional;

/**
 * A plan for deploying a release to an environment was made and kept, with its verdict and, when it
 * is not compatible, why (the policy that refused it and its message), so a refusal is in the
 * ledger.
 */
public record PlanSubmitted(
    String plan,
    String release,
    long releaseRevision,
    String environment,
    Digest digest,
    String verdict,
    Optional<String> reason,
    String by)
    implements Event {
  public static final String TYPE = "plan.submitted";

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("plan", plan),
        verdict,
        reason,
        Map.of("plan", digest),
        Event.detail()
            .put("release", release)
            .put("releaseRevision", releaseRevision)
            .put("environment", environment)
            .put("by", by));
  }

  static PlanSubmitted of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new PlanSubmitted(
        Event.subjectName(envelope),
        Event.text(envelope, "release"),
        Event.number(envelope, "releaseRevision"),
        Event.text(envelope, "environment"),
        Event.input(envelope, "plan"),
        envelope.outcome(),
        envelope.reason(),
        Event.text(envelope, "by"));
  }
}
