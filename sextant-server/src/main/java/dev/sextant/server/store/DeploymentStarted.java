package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rollout of a release began in an environment: which revision and variant of it, the plan that
 * allowed it (none for an undo), and who asked.
 *
 * @param inputs the digests of what it deploys, by name ({@code plan}, {@code release}, {@code
 *     fingerprint}, {@code policySet}, {@code artifact}); empty in rows written before inputs were
 *     recorded
 */
public record DeploymentStarted(
    String rollout,
    String service,
    String environment,
    String release,
    long releaseRevision,
    String variant,
    Optional<String> plan,
    String by,
    SortedMap<String, Digest> inputs)
    implements Event {
  public static final String TYPE = "deployment.started";

  public DeploymentStarted {
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
  }

  @Override
  public String actor() {
    return by;
  }

  @Override
  public EventEnvelope envelope() {
    var detail =
        Event.detail()
            .put("service", service)
            .put("environment", environment)
            .put("release", release)
            .put("releaseRevision", releaseRevision)
            .put("variant", variant)
            .put("by", by);
    plan.ifPresent(p -> detail.put("plan", p));
    return Event.envelope(
        TYPE, Event.subject("rollout", rollout), "started", Optional.empty(), inputs, detail);
  }

  static DeploymentStarted of(EventEnvelope envelope) {
    Event.requireVersion(envelope, 1);
    return new DeploymentStarted(
        Event.subjectName(envelope),
        Event.text(envelope, "service"),
        Event.text(envelope, "environment"),
        Event.text(envelope, "release"),
        Event.number(envelope, "releaseRevision"),
        Event.text(envelope, "variant"),
        Optional.ofNullable(envelope.detailToRead().get("plan")).map(n -> n.asText()),
        Event.text(envelope, "by"),
        envelope.inputs());
  }
}
