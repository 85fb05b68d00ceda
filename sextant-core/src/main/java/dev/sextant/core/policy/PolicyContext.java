package dev.sextant.core.policy;

import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a plan's policies are evaluated with beyond the release and the facts: the Policies, the
 * stored Environments by name (their labels, declared facts and {@code policies:}), the request,
 * and the trusted keys that signatures and provenance are checked against.
 */
public final class PolicyContext {
  /** No policies and no Environments: nothing is evaluated, so the request is never read. */
  public static final PolicyContext NONE =
      new PolicyContext(
          Policies.NONE,
          Map.of(),
          new PolicyRequest("nobody", "plan", Instant.EPOCH),
          TrustedKeys.none());

  private final Policies policies;
  private final Map<String, Resource> environments;
  private final Map<String, List<String>> named;
  private final PolicyRequest request;
  private final TrustedKeys trusted;

  private PolicyContext(
      Policies policies,
      Map<String, Resource> environments,
      PolicyRequest request,
      TrustedKeys trusted) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.environments = Map.copyOf(environments);
    this.request = Objects.requireNonNull(request, "request");
    this.trusted = Objects.requireNonNull(trusted, "trusted");
    // Read once here, not once per release in every environment.
    Map<String, List<String>> named = new TreeMap<>();
    environments.forEach(
        (name, e) -> named.put(name, ((EnvironmentSpec) Specs.read(e)).policies()));
    this.named = named;
  }

  /**
   * The Policies among {@code resources} and the Environments among {@code environments}; resources
   * of other kinds are ignored.
   */
  public static PolicyContext of(
      List<Resource> resources, List<Resource> environments, PolicyRequest request) {
    Map<String, Resource> byName = new TreeMap<>();
    environments.stream()
        .filter(e -> e.kind() == Kind.ENVIRONMENT)
        .forEach(e -> byName.put(e.name(), e));
    return new PolicyContext(Policies.of(resources), byName, request, TrustedKeys.none());
  }

  /**
   * This context checking signatures and provenance against {@code trusted} (the server's trust
   * store): without it, nothing is signed by a trusted key.
   */
  public PolicyContext trusting(TrustedKeys trusted) {
    return new PolicyContext(policies, environments, request, trusted);
  }

  /**
   * What every Policy that applies to {@code target} says of a release there: none when there are
   * no Policies and the target is no Environment that names one.
   */
  public List<PolicyOutcome> evaluate(
      Resource release, String target, Fingerprint facts, String variant) {
    List<String> names = named.getOrDefault(target, List.of());
    if (policies.isEmpty() && names.isEmpty()) {
      return List.of();
    }
    return policies.evaluate(
        release,
        Optional.ofNullable(environments.get(target)),
        names,
        target,
        facts,
        variant,
        request,
        trusted);
  }
}
