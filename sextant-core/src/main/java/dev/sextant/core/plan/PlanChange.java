package dev.sextant.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What becomes of one release in one environment between today's plan and a what-if's.
 *
 * @param today the release planned there on today's facts
 * @param whatIf the release planned there on the supposed facts
 */
public record PlanChange(
    String release, String environment, Kind kind, TargetPlan today, TargetPlan whatIf) {
  public PlanChange {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(whatIf, "whatIf");
  }

  /** What a change is. Only a release that fits counts as fitting: needing approval does not. */
  public enum Kind {
    /** It fits today and would not. */
    LOST,
    /** It fits both ways, but on a variant tried later: the release's own second choice. */
    FELL_BACK,
    /** It does not fit today and would. */
    NEWLY_FITS,
    /** It fits both ways, on a variant tried earlier: an upgrade lets it use a better one. */
    MOVED_UP,
    /** Same verdict, same variant. */
    UNCHANGED;

    /** {@code fell-back}, as JSON and tables name it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the what-if would break something that works today. */
    public boolean breaks() {
      return this == LOST || this == FELL_BACK;
    }

    static Kind between(TargetPlan today, TargetPlan whatIf) {
      boolean fitsToday = today.verdict() == Verdict.COMPATIBLE;
      boolean fitsThen = whatIf.verdict() == Verdict.COMPATIBLE;
      if (fitsToday != fitsThen) {
        return fitsToday ? LOST : NEWLY_FITS;
      }
      if (!fitsToday) {
        return UNCHANGED;
      }
      int order = Integer.compare(position(whatIf), position(today));
      return order > 0 ? FELL_BACK : order < 0 ? MOVED_UP : UNCHANGED;
    }

    private static int position(TargetPlan plan) {
      List<VariantResult> variants = plan.variants();
      for (int i = 0; i < variants.size(); i++) {
        if (variants.get(i).chosen()) {
          return i;
        }
      }
      throw new IllegalStateException(
          plan.environment() + " is compatible without a chosen variant");
    }
  }

  /**
   * Today's variant as the what-if plans it, when it is rejected there: its tiers say which
   * requirements the supposed facts break.
   */
  public Optional<VariantResult> lostVariant() {
    return today
        .variant()
        .flatMap(
            name ->
                whatIf.variants().stream()
                    .filter(
                        v -> v.name().equals(name) && v.outcome() == VariantResult.Outcome.REJECTED)
                    .findFirst());
  }

  /** The requirements of {@link #lostVariant} that the supposed facts do not meet. */
  public List<RequirementResult> unmet() {
    return lostVariant().stream()
        .flatMap(v -> v.tiers().stream())
        .flatMap(t -> t.requirements().stream())
        .filter(r -> !r.met())
        .toList();
  }
}
