package dev.sextant.core.plan;

import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.resource.Resource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Today's plan, the plan of the same releases on the supposed facts, and what changes between them:
 * which releases lose their fit, fall back to another variant, or newly fit.
 *
 * @param environments each environment today and as supposed, by name
 * @param today the plan on today's facts
 * @param supposed the plan on the supposed facts
 */
public record WhatIfPlan(
    WhatIf whatIf,
    List<HypotheticalTarget> environments,
    Plan today,
    Plan supposed,
    PlanComparison comparison) {

  public WhatIfPlan {
    Objects.requireNonNull(whatIf, "whatIf");
    environments = List.copyOf(environments);
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(supposed, "supposed");
    Objects.requireNonNull(comparison, "comparison");
  }

  /**
   * Plans the releases again on the targets with the supposed facts, and compares.
   *
   * @param today {@code planner}'s plan of the same releases, targets and releases in place, with
   *     no policies
   */
  public static WhatIfPlan of(
      Planner planner,
      Plan today,
      List<Resource> releases,
      List<Target> targets,
      List<Resource> inPlace,
      WhatIf whatIf) {
    return of(planner, today, releases, targets, inPlace, PolicyContext.NONE, whatIf);
  }

  /**
   * Plans the releases again on the targets with the supposed facts under the same policies, and
   * compares: a policy over facts can change its outcome as the facts do.
   *
   * @param today {@code planner}'s plan of the same releases, targets and releases in place, under
   *     {@code policies}
   */
  public static WhatIfPlan of(
      Planner planner,
      Plan today,
      List<Resource> releases,
      List<Target> targets,
      List<Resource> inPlace,
      PolicyContext policies,
      WhatIf whatIf) {
    List<HypotheticalTarget> environments =
        targets.stream()
            .sorted(Comparator.comparing(Target::environment))
            .map(whatIf::apply)
            .toList();
    Plan supposed =
        planner.plan(
            releases,
            environments.stream().map(HypotheticalTarget::whatIf).toList(),
            inPlace,
            policies);
    return new WhatIfPlan(
        whatIf, environments, today, supposed, PlanComparison.of(today, supposed));
  }

  /** Whether the supposed facts change no fact of any environment. */
  public boolean changesNoFact() {
    return environments.stream().allMatch(e -> e.facts().isEmpty());
  }
}
