package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A place to deploy: its target, the facts its operator declares (by fact name, sorted), how its
 * fingerprint is observed, what drift does, and the policies and default strategy that apply.
 */
public record EnvironmentSpec(
    String description,
    Target target,
    Map<String, FactValue> facts,
    Optional<Discovery> discovery,
    DriftAction drift,
    List<String> policies,
    Optional<String> strategy)
    implements Spec {

  public EnvironmentSpec {
    description = Defaults.text(description);
    Objects.requireNonNull(target, "target");
    facts = Defaults.sorted(facts);
    discovery = Defaults.optional(discovery);
    drift = drift == null ? DriftAction.ALERT : drift;
    policies = Defaults.list(policies);
    strategy = Defaults.optional(strategy);
  }

  @Override
  public Kind kind() {
    return Kind.ENVIRONMENT;
  }
}
