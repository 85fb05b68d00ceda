package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plan for deploying a release to an environment was made and kept, with its verdict and, when it
 * is not compatible, why (the policy that refused it and its message), so a refusal is in the
 * ledger.
 *
 * @param inputs the digests of what it was made from, by name ({@code release}, {@code
 *     environment}, {@code fingerprint}, {@code policySet}); empty in rows written before inputs
 *     were recorded. The plan's own digest is the input {@code plan}.
 */
public record PlanSubmitted(
    String plan,
    String release,
    long releaseRevision,
    String environment,
    Digest digest,
    String verdict,
    Optional<String> reason,
    String by,
    SortedMap<String, Digest> inputs)
    implements Event {
  public static final String TYPE = "plan.submitted";
  private static final String PLAN = "plan";

  public PlanSubmitted {
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    if (inputs.containsKey(PLAN)) {
      throw new IllegalArgumentException("the plan's own digest is its digest, not an input");
    }
  }

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    return Event.envelope(
        TYPE,
        Event.subject("plan", plan),
        verdict,
        reason,
        withPlan(),
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
        Event.input(envelope, PLAN),
        envelope.outcome(),
        envelope.reason(),
        Event.text(envelope, "by"),
        others(envelope));
  }

  private static SortedMap<String, Digest> others(EventEnvelope envelope) {
    SortedMap<String, Digest> others = new TreeMap<>(envelope.inputs());
    others.remove(PLAN);
    return others;
  }

  private SortedMap<String, Digest> withPlan() {
    SortedMap<String, Digest> all = new TreeMap<>(inputs);
    all.put(PLAN, digest);
    return all;
  }
}
