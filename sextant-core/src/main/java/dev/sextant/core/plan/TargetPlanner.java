package dev.sextant.core.plan;

import static java.util.stream.Collectors.joining;

import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.PreparedRequirement;
import dev.sextant.core.compat.parameter.ParameterValue;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.plan.PreparedRelease.PreparedVariant;
import dev.sextant.core.plan.TierResult.Status;
import dev.sextant.core.plan.VariantResult.Outcome;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.policy.PolicyOutcome;
import dev.sextant.core.resource.spec.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one release in one environment: variants in order, each through tiers 0, 1 and 2, the first
 * that passes chosen. A lower tier failing skips the higher ones and says so.
 */
final class TargetPlanner {
  // Tiers skipped for the same reason in every environment: one of each.
  private static final TierResult ONE_AFTER_ZERO_FAILED = TierResult.skipped(1, "tier 0 failed");
  private static final TierResult TWO_AFTER_ZERO_FAILED = TierResult.skipped(2, "tier 0 failed");
  private static final TierResult TWO_AFTER_ONE_FAILED = TierResult.skipped(2, "tier 1 failed");
  private static final TierResult TWO_WITHOUT_CHECKS =
      TierResult.skipped(2, "the variant has no deep checks");

  private final CheckExecutor executor;
  private final boolean deep;

  TargetPlanner(CheckExecutor executor, boolean deep) {
    this.executor = executor;
    this.deep = deep;
  }

  TargetPlan plan(
      PreparedRelease release, Target target, List<String> refusals, PolicyContext context) {
    List<GateResult> environmentGates = environmentGates(target);
    List<VariantResult> variants = new ArrayList<>();
    VariantResult chosen = null;
    for (PreparedVariant variant : release.variants()) {
      if (chosen != null) {
        variants.add(
            new VariantResult(
                variant.variant().name(),
                Outcome.NOT_TRIED,
                "not tried: variant " + chosen.name() + " comes first and fits",
                List.of(),
                List.of()));
        continue;
      }
      VariantResult result = variant(variant, target, environmentGates);
      variants.add(result);
      if (result.chosen()) {
        chosen = result;
      }
    }
    List<PolicyOutcome> policies =
        context.evaluate(
            release.resource(),
            target.environment(),
            target.fingerprint(),
            chosen == null ? "" : chosen.name());
    Optional<PolicyOutcome> denial = policies.stream().filter(PolicyOutcome::denies).findFirst();
    List<PolicyOutcome> approvals = policies.stream().filter(PolicyOutcome::needsApproval).toList();
    Verdict verdict;
    Optional<String> name = Optional.empty();
    String reason;
    boolean closed = environmentGates.stream().anyMatch(g -> !g.passed());
    if (closed) {
      verdict = Verdict.BLOCKED;
      reason =
          environmentGates.stream()
              .filter(g -> !g.passed())
              .map(GateResult::detail)
              .findFirst()
              .orElseThrow();
    } else if (denial.isPresent()) {
      verdict = Verdict.DENIED;
      reason = "denied by policy " + denial.get().policy() + ": " + denial.get().message();
    } else if (!refusals.isEmpty()) {
      verdict = Verdict.INCOMPATIBLE;
      reason = "refused by the dependency graph: " + String.join("; ", refusals);
    } else if (chosen != null) {
      name = Optional.of(chosen.name());
      reason =
          variants.get(0) == chosen
              ? "variant " + chosen.name() + ": " + chosen.reason()
              : "fallback to variant " + chosen.name() + ": " + rejections(variants);
      if (approvals.isEmpty()) {
        verdict = Verdict.COMPATIBLE;
      } else {
        verdict = Verdict.NEEDS_APPROVAL;
        reason =
            approvals.stream().map(TargetPlanner::approval).collect(joining("; ")) + "; " + reason;
      }
    } else {
      verdict = Verdict.INCOMPATIBLE;
      reason = "no variant fits: " + rejections(variants);
    }
    return new TargetPlan(
        target.environment(),
        target.origin(),
        target.digest(),
        verdict,
        name,
        reason,
        variants,
        policies);
  }

  private VariantResult variant(
      PreparedVariant prepared, Target target, List<GateResult> environmentGates) {
    String name = prepared.variant().name();
    List<GateResult> gates = new ArrayList<>(environmentGates.size() + 1);
    gates.addAll(environmentGates);
    gates.add(prepared.artifact());
    for (GateResult gate : gates) {
      if (!gate.passed()) {
        TierResult zero =
            new TierResult(0, Status.FAILED, gate.detail(), gates, List.of(), List.of());
        return new VariantResult(
            name,
            Outcome.REJECTED,
            "tier 0: " + gate.detail(),
            List.of(zero, ONE_AFTER_ZERO_FAILED, TWO_AFTER_ZERO_FAILED),
            List.of());
      }
    }
    TierResult zero =
        new TierResult(0, Status.PASSED, "static checks pass", gates, List.of(), List.of());

    Fingerprint facts = target.fingerprint();
    List<RequirementResult> requirements = new ArrayList<>(prepared.requirements().size());
    for (PreparedRequirement requirement : prepared.requirements()) {
      requirements.add(
          new RequirementResult(
              requirement.name(),
              requirement.description(),
              requirement.source(),
              evaluate(requirement, facts)));
    }
    List<ParameterValue> parameters = prepared.parameters().resolve(facts);
    // The first failure in words and how many more: a rejected variant's reason is one line.
    String first = null;
    int failures = 0;
    for (RequirementResult r : requirements) {
      if (!r.met()) {
        first = failures++ == 0 ? r.name() + ": " + r.finding().reason() : first;
      }
    }
    for (ParameterValue p : parameters) {
      if (p.problem().isPresent()) {
        first = failures++ == 0 ? "parameter " + p.name() + ": " + p.problem().get() : first;
      }
    }
    if (failures > 0) {
      String reason = first + (failures > 1 ? " (and " + (failures - 1) + " more)" : "");
      TierResult one = new TierResult(1, Status.FAILED, reason, List.of(), requirements, List.of());
      return new VariantResult(
          name,
          Outcome.REJECTED,
          "tier 1: " + reason,
          List.of(zero, one, TWO_AFTER_ONE_FAILED),
          parameters);
    }
    TierResult one =
        new TierResult(
            1, Status.PASSED, met(requirements.size()), List.of(), requirements, List.of());

    TierResult two = deepChecks(prepared.variant().checks(), target);
    if (two.failed()) {
      return new VariantResult(
          name, Outcome.REJECTED, "tier 2: " + two.reason(), List.of(zero, one, two), parameters);
    }
    String reason =
        met(requirements.size())
            + (two.status() == Status.PASSED
                ? "; " + two.reason()
                : "; tier 2 skipped: " + two.reason());
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
      String required =
          requirement.description().isEmpty() ? requirement.name() : requirement.description();
      return Finding.notMet(
          List.of(), required, Finding.ABSENT, "the " + requirement.name() + " check failed: " + e);
    }
  }

  private TierResult deepChecks(List<Check> checks, Target target) {
    if (checks.isEmpty()) {
      return TWO_WITHOUT_CHECKS;
    }
    String count = checks.size() == 1 ? "1 check" : checks.size() + " checks";
    if (!deep) {
      return TierResult.skipped(
          2, "deep checks not requested (--deep runs " + count + " on the target)");
    }
    if (!executor.reaches(target)) {
      return TierResult.skipped(
          2,
          "nothing can run commands in "
              + target.environment()
              + " ("
              + target.origin().label()
              + "): deep checks run on this host or through an agent");
    }
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      results.add(
          new CheckResult(
              check.name(), check.description(), check.command(), executor.run(target, check)));
    }
    Optional<CheckResult> failed = results.stream().filter(r -> !r.run().passed()).findFirst();
    return failed
        .map(
            f ->
                new TierResult(
                    2,
                    Status.FAILED,
                    "check " + f.name() + ": " + f.outcome(),
                    List.of(),
                    List.of(),
                    results))
        .orElseGet(
            () ->
                new TierResult(
                    2,
                    Status.PASSED,
                    count + " passed on the target",
                    List.of(),
                    List.of(),
                    results));
  }

  private static List<GateResult> environmentGates(Target target) {
    List<GateResult> gates = new ArrayList<>(2);
    target
        .verification()
        .ifPresent(v -> gates.add(new GateResult("signature", v.isValid(), v.message())));
    target
        .blocked()
        .ifPresent(
            why -> gates.add(new GateResult("drift", false, "environment is blocked: " + why)));
    return gates;
  }

  /** "policy p needs 2 approvals (role:a or bob): message". */
  private static String approval(PolicyOutcome outcome) {
    String who =
        outcome.approvers().isEmpty()
            ? "anyone with the approver role"
            : String.join(" or ", outcome.approvers());
    String count = outcome.approvals() == 1 ? "an approval" : outcome.approvals() + " approvals";
    return "policy "
        + outcome.policy()
        + " needs "
        + count
        + " by "
        + who
        + ": "
        + outcome.message();
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
