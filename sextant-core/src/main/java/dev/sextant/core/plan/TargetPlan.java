package dev.sextant.core.plan;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.policy.PolicyOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A release in one environment: the verdict, the chosen variant, and every variant's tiers.
 *
 * @param fingerprint the digest of the facts the plan was made from
 * @param reason one line explaining the verdict
 * @param policies what each Policy that applies here said, by Policy name
 */
public record TargetPlan(
    String environment,
    Target.Origin origin,
    Digest fingerprint,
    Verdict verdict,
    Optional<String> variant,
    String reason,
    List<VariantResult> variants,
    List<PolicyOutcome> policies) {

  public TargetPlan {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(verdict, "verdict");
    variant = Objects.requireNonNullElse(variant, Optional.empty());
    Objects.requireNonNull(reason, "reason");
    variants = List.copyOf(variants);
    policies = List.copyOf(policies);
  }
}
