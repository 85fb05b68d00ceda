package dev.sextant.core.plan;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.PreparedRequirement;
import dev.sextant.core.compat.parameter.ParameterValue;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.plan.PreparedRelease.PreparedVariant;
import dev.sextant.core.plan.TierResult.Status;
import dev.sextant.core.plan.VariantResult.Outcome;
import dev.sextant.core.resource.spec.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one release in one environment: variants in order, each through tiers 0, 1 and 2, the
 * first that passes chosen. A lower tier failing skips the higher ones and says so.
 */
final class TargetPlanner {
  private final CheckExecutor executor;
  private final boolean deep;

  TargetPlanner(CheckExecutor executor, boolean deep) {
    this.executor = executor;
    this.deep = deep;
  }

  TargetPlan plan(PreparedRelease release, Target target, List<String> refusals) {
    List<GateResult> environmentGates = environmentGates(target);
    List<VariantResult> variants = new ArrayList<>();
    VariantResult chosen = null;
    for (PreparedVariant variant : release.variants()) {
      if (chosen != null) {
        variants.add(new VariantResult(variant.variant().name(), Outcome.NOT_TRIED,
            "not tried: variant " + chosen.name() + " comes first and fits", List.of(), List.of()));
        continue;
      }
      VariantResult result = variant(variant, target, environmentGates);
      variants.add(result);
      if (result.chosen()) {
        chosen = result;
      }
    }
    Verdict verdict;
    Optional<String> name = Optional.empty();
    String reason;
    boolean closed = environmentGates.stream().anyMatch(g -> !g.passed());
    if (closed) {
      verdict = Verdict.BLOCKED;
      reason = environmentGates.stream().filter(g -> !g.passed()).map(GateResult::detail).findFirst().orElseThrow();
    } else if (!refusals.isEmpty()) {
      verdict = Verdict.INCOMPATIBLE;
      reason = "refused by the dependency graph: " + String.join("; ", refusals);
    } else if (chosen != null) {
      verdict = Verdict.COMPATIBLE;
      name = Optional.of(chosen.name());
      reason = variants.get(0) == chosen
          ? "variant " + chosen.name() + ": " + chosen.reason()
          : "fallback to variant " + chosen.name() + ": " + rejections(variants);
    } else {
      verdict = Verdict.INCOMPATIBLE;
      reason = "no variant fits: " + rejections(variants);
    }
    return new TargetPlan(target.environment(), target.origin(), target.digest(),
        verdict, name, reason, variants);
  }

  private VariantResult variant(PreparedVariant prepared, Target target, List<GateResult> environmentGates) {
    String name = prepared.variant().name();
    List<GateResult> gates = new ArrayList<>(environmentGates);
    gates.add(prepared.artifact());
    Optional<GateResult> closed = gates.stream().filter(g -> !g.passed()).findFirst();
    if (closed.isPresent()) {
      TierResult zero = new TierResult(0, Status.FAILED, closed.get().detail(), gates, List.of(), List.of());
      return new VariantResult(name, Outcome.REJECTED, "tier 0: " + closed.get().detail(),
          List.of(zero, TierResult.skipped(1, "tier 0 failed"), TierResult.skipped(2, "tier 0 failed")), List.of());
    }
    TierResult zero = new TierResult(0, Status.PASSED, "static checks pass", gates, List.of(), List.of());

    Fingerprint facts = target.fingerprint();
    List<RequirementResult> requirements = new ArrayList<>(prepared.requirements().size());
    for (PreparedRequirement requirement : prepared.requirements()) {
      requirements.add(new RequirementResult(requirement.name(), requirement.description(), requirement.source(),
          evaluate(requirement, facts)));
    }
    List<ParameterValue> parameters = prepared.parameters().resolve(facts);
    List<String> failures = new ArrayList<>();
    for (RequirementResult r : requirements) {
      if (!r.met()) {
        failures.add(r.name() + ": " + r.finding().reason());
      }
    }
    for (ParameterValue p : parameters) {
      p.problem().ifPresent(problem -> failures.add("parameter " + p.name() + ": " + problem));
    }
    if (!failures.isEmpty()) {
      String reason = failures.get(0) + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "");
      TierResult one = new TierResult(1, Status.FAILED, reason, List.of(), requirements, List.of());
      return new VariantResult(name, Outcome.REJECTED, "tier 1: " + reason,
          List.of(zero, one, TierResult.skipped(2, "tier 1 failed")), parameters);
    }
    TierResult one = new TierResult(1, Status.PASSED, met(requirements.size()), List.of(), requirements, List.of());

    TierResult two = deepChecks(prepared.variant().checks(), target);
    if (two.failed()) {
      return new VariantResult(name, Outcome.REJECTED, "tier 2: " + two.reason(), List.of(zero, one, two), parameters);
    }
    String reason = met(requirements.size())
        + (two.status() == Status.PASSED ? "; " + two.reason() : "; tier 2 skipped: " + two.reason());
    return new VariantResult(name, Outcome.CHOSEN, reason, List.of(zero, one, two), parameters);
  }

  /**
   * A validator that throws (a plug-in's bug, or facts it did not expect) fails its requirement in
   * this environment, with the error in words, rather than the whole plan.
   */
  private static Finding evaluate(PreparedRequirement requirement, Fingerprint facts) {
    try {
      return requirement.constraint().evaluate(facts);
    } catch (RuntimeException e) {
      String required = requirement.description().isEmpty() ? requirement.name() : requirement.description();
      return Finding.notMet(List.of(), required, Finding.ABSENT, "the " + requirement.name() + " check failed: " + e);
    }
  }

  private TierResult deepChecks(List<Check> checks, Target target) {
    if (checks.isEmpty()) {
      return TierResult.skipped(2, "the variant has no deep checks");
    }
    String count = checks.size() == 1 ? "1 check" : checks.size() + " checks";
    if (!deep) {
      return TierResult.skipped(2, "deep checks not requested (--deep runs " + count + " on the target)");
    }
    if (!executor.reaches(target)) {
      return TierResult.skipped(2, "nothing can run commands in " + target.environment() + " ("
          + target.origin().label() + "): deep checks run on this host or through an agent");
    }
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      results.add(new CheckResult(check.name(), check.description(), check.command(), executor.run(target, check)));
    }
    Optional<CheckResult> failed = results.stream().filter(r -> !r.run().passed()).findFirst();
    return failed
        .map(f -> new TierResult(2, Status.FAILED, "check " + f.name() + ": " + f.outcome(), List.of(), List.of(), results))
        .orElseGet(() -> new TierResult(2, Status.PASSED, count + " passed on the target", List.of(), List.of(), results));
  }

  private static List<GateResult> environmentGates(Target target) {
    List<GateResult> gates = new ArrayList<>(2);
    target.verification().ifPresent(v -> gates.add(new GateResult("signature", v.isValid(), v.message())));
    target.blocked().ifPresent(why -> gates.add(new GateResult("drift", false, "environment is blocked: " + why)));
    return gates;
  }

  private static String met(int count) {
    return count == 1 ? "its requirement is met" : "all " + count + " requirements met";
  }

  private static String rejections(List<VariantResult> variants) {
    List<String> out = new ArrayList<>();
    for (VariantResult v : variants) {
      if (v.outcome() == Outcome.REJECTED) {
        out.add(v.name() + " rejected, " + v.reason());
      }
    }
    return String.join("; ", out);
  }
}
