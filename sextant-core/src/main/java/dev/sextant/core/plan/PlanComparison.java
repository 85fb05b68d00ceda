package dev.sextant.core.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Today's plan against a what-if's, release by release and environment by environment.
 *
 * @param changes one per release and environment, unchanged ones included, in the plans' order
 */
public record PlanComparison(List<PlanChange> changes) {
  public PlanComparison {
    changes = List.copyOf(changes);
  }

  /**
   * Compares two plans of the same releases in the same environments.
   *
   * @throws IllegalArgumentException when they are not
   */
  public static PlanComparison of(Plan today, Plan whatIf) {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(whatIf, "whatIf");
    if (today.releases().size() != whatIf.releases().size()) {
      throw new IllegalArgumentException("the plans are of different releases");
    }
    List<PlanChange> changes = new ArrayList<>();
    for (int r = 0; r < today.releases().size(); r++) {
      ReleasePlan was = today.releases().get(r);
      ReleasePlan then = whatIf.releases().get(r);
      if (!was.name().equals(then.name()) || was.targets().size() != then.targets().size()) {
        throw new IllegalArgumentException("the plans differ at release " + was.name());
      }
      for (int t = 0; t < was.targets().size(); t++) {
        TargetPlan before = was.targets().get(t);
        TargetPlan after = then.targets().get(t);
        if (!before.environment().equals(after.environment())) {
          throw new IllegalArgumentException(
              "the plans differ at environment " + before.environment());
        }
        changes.add(
            new PlanChange(
                was.name(),
                before.environment(),
                PlanChange.Kind.between(before, after),
                before,
                after));
      }
    }
    return new PlanComparison(changes);
  }

  /** Whether a release that fits today would not, or would fall back. */
  public boolean breaks() {
    return changes.stream().anyMatch(c -> c.kind().breaks());
  }

  /** The changes that are not {@link PlanChange.Kind#UNCHANGED}. */
  public List<PlanChange> changed() {
    return changes.stream().filter(c -> c.kind() != PlanChange.Kind.UNCHANGED).toList();
  }

  /** How many pairs of release and environment got each kind; every kind is present. */
  public Map<PlanChange.Kind, Integer> counts() {
    Map<PlanChange.Kind, Integer> counts = new EnumMap<>(PlanChange.Kind.class);
    for (PlanChange.Kind kind : PlanChange.Kind.values()) {
      counts.put(kind, 0);
    }
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    return counts;
  }
}
