package dev.sextant.core.plan;

import dev.sextant.core.digest.Digest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every release planned in every environment, releases in rollout order (providers before their
 * consumers), with a digest over all of it: the same inputs give the same plan and digest, so the
 * plan a deployment ran under can be checked months later.
 *
 * @param environments the targets, in the order every release lists them
 * @param validators the validators the plan could use, by rule name
 * @param releases in rollout order
 */
public record Plan(
    List<Environment> environments, List<ValidatorUse> validators, List<ReleasePlan> releases) {
  public Plan {
    environments = List.copyOf(environments);
    validators = List.copyOf(validators);
    releases = List.copyOf(releases);
  }

  /** An environment as the plan saw it. */
  public record Environment(String name, Target.Origin origin, Digest fingerprint) {
    public Environment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(fingerprint, "fingerprint");
    }
  }

  /**
   * A validator the plan could use: a plug-in's class is part of what the plan depends on.
   *
   * @param summary what the rule checks, in one line
   * @param source where the rule comes from, said once per plan rather than in every finding
   */
  public record ValidatorUse(String rule, String implementation, String summary, String source) {
    public ValidatorUse {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(implementation, "implementation");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(source, "source");
    }
  }

  /** The digest of the plan's JSON form without its digest field. */
  public Digest digest() {
    return PlanJson.digest(this);
  }

  /** How many (release, environment) pairs got each verdict; every verdict is present. */
  public Map<Verdict, Integer> summary() {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict, 0);
    }
    releases.forEach(r -> r.targets().forEach(t -> counts.merge(t.verdict(), 1, Integer::sum)));
    return counts;
  }

  /** Whether every release fits every environment. */
  public boolean allCompatible() {
    return releases.stream()
        .allMatch(r -> r.targets().stream().allMatch(t -> t.verdict() == Verdict.COMPATIBLE));
  }
}
