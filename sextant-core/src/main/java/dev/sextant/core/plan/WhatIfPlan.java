package dev.sextant.core.plan;

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
   * @param today {@code planner}'s plan of the same releases, targets and releases in place
   */
  public static WhatIfPlan of(
      Planner planner,
      Plan today,
      List<Resource> releases,
      List<Target> targets,
      List<Resource> inPlace,
      WhatIf whatIf) {
    List<HypotheticalTarget> environments =
        targets.stream()
            .sorted(Comparator.comparing(Target::environment))
            .map(whatIf::apply)
            .toList();
    Plan supposed =
        planner.plan(
            releases, environments.stream().map(HypotheticalTarget::whatIf).toList(), inPlace);
    return new WhatIfPlan(
        whatIf, environments, today, supposed, PlanComparison.of(today, supposed));
  }

  /** Whether the supposed facts change no fact of any environment. */
  public boolean changesNoFact() {
    return environments.stream().allMatch(e -> e.facts().isEmpty());
  }
}
