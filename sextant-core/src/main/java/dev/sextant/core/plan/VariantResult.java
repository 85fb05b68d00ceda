package dev.sextant.core.plan;

import dev.sextant.core.compat.parameter.ParameterValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One variant of a release in one environment: whether it was chosen, rejected (and at which tier,
 * why) or not tried because an earlier one was chosen.
 *
 * @param parameters the variant's parameters as they would be deployed here, derived ones with
 *     their derivation; empty when the variant was not tried
 * @param reason one line: why chosen, the first reason it was rejected, or that it was not tried
 */
public record VariantResult(
    String name,
    Outcome outcome,
    String reason,
    List<TierResult> tiers,
    List<ParameterValue> parameters) {

  public VariantResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    tiers = List.copyOf(tiers);
    parameters = List.copyOf(parameters);
  }

  public boolean chosen() {
    return outcome == Outcome.CHOSEN;
  }

  /** What became of a variant. */
  public enum Outcome {
    CHOSEN,
    REJECTED,
    /** An earlier variant was chosen, so this one was not evaluated. */
    NOT_TRIED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
