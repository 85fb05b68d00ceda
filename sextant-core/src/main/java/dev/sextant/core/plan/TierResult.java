package dev.sextant.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One tier of a variant in one environment: 0 static gates, 1 facts, 2 deep checks on the target.
 * Only the list that belongs to the tier is filled.
 *
 * @param reason why the tier passed, failed or was skipped, in one line
 */
public record TierResult(
    int tier,
    Status status,
    String reason,
    List<GateResult> gates,
    List<RequirementResult> requirements,
    List<CheckResult> checks) {

  public TierResult {
    if (tier < 0 || tier > 2) {
      throw new IllegalArgumentException("tier " + tier + "; expected 0, 1 or 2");
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    gates = List.copyOf(gates);
    requirements = List.copyOf(requirements);
    checks = List.copyOf(checks);
  }

  static TierResult skipped(int tier, String reason) {
    return new TierResult(tier, Status.SKIPPED, reason, List.of(), List.of(), List.of());
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /** How a tier ended. */
  public enum Status {
    PASSED,
    FAILED,
    /** Not run: a lower tier failed, there was nothing to run, or nothing reaches the target. */
    SKIPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
