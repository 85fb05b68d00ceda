package dev.sextant.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * An environment as a what-if supposes it.
 *
 * @param today the environment as it is
 * @param whatIf the same environment with the supposed facts: the same name, origin, signature
 *     check and drift block, since a what-if asks about facts, not about trust
 * @param facts what the what-if changed, the supposed facts first and then those derived from them,
 *     each by key; empty when the environment has none of the facts, or already has their values
 */
public record HypotheticalTarget(Target today, Target whatIf, List<HypotheticalFact> facts) {
  public HypotheticalTarget {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(whatIf, "whatIf");
    facts = List.copyOf(facts);
  }
}
