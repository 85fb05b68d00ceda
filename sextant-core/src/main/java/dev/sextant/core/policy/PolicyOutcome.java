package dev.sextant.core.policy;

import dev.sextant.core.resource.spec.PolicySpec.Effect;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one Policy said of a release in an environment.
 *
 * @param policy the Policy's name
 * @param effect what a violation does
 * @param status whether the rule held
 * @param message why it did not hold: the message expression's result, else the message; empty when
 *     it held
 * @param approvers who may approve, for {@code requireApproval}
 * @param approvals how many distinct approvers it takes, for {@code requireApproval}
 */
public record PolicyOutcome(
    String policy,
    Effect effect,
    Status status,
    String message,
    List<String> approvers,
    int approvals) {

  public PolicyOutcome {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    approvers = List.copyOf(approvers);
  }

  /** Whether this outcome forbids the deployment: a violated deny, or any rule that failed. */
  public boolean denies() {
    return status == Status.FAILED || (status == Status.VIOLATED && effect == Effect.DENY);
  }

  /** Whether this outcome asks for an approval first. */
  public boolean needsApproval() {
    return status == Status.VIOLATED && effect == Effect.REQUIRE_APPROVAL;
  }

  /** Whether this outcome is only shown. */
  public boolean warns() {
    return status == Status.VIOLATED && effect == Effect.WARN;
  }

  /** The effect as a Policy writes it: {@code deny}, {@code warn}, {@code requireApproval}. */
  public String effectName() {
    return switch (effect) {
      case DENY -> "deny";
      case WARN -> "warn";
      case REQUIRE_APPROVAL -> "requireApproval";
    };
  }

  /** Whether the rule held. */
  public enum Status {
    /** The rule is true. */
    HOLDS,
    /** The rule is false: the effect applies. */
    VIOLATED,
    /**
     * The rule could not give an answer (an error, too much work, or the Policy is unknown): the
     * deployment is denied, whatever the effect, since a rule that cannot be checked never passes.
     */
    FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
