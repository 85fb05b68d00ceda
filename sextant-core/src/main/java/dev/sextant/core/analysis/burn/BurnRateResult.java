package dev.sextant.core.analysis.burn;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A burn-rate gate's verdict with the figures behind it.
 *
 * @param pairs one result per window pair, in the gate's order
 * @param budgetUsed the share of the period's error budget spent over the period (1 is all of it,
 *     and it may pass 1); absent when the period had no data
 * @param reason one line for people: the firing pair and its burn rates, or why nothing fired
 */
public record BurnRateResult(
    Verdict verdict, List<PairResult> pairs, OptionalDouble budgetUsed, String reason) {
  public BurnRateResult {
    Objects.requireNonNull(verdict, "verdict");
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(budgetUsed, "budgetUsed");
    Objects.requireNonNull(reason, "reason");
  }
}
