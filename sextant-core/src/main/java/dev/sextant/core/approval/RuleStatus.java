package dev.sextant.core.approval;

import java.util.List;
import java.util.Objects;

/**
 * How far one rule is met.
 *
 * @param counted the distinct approvers whose approvals count for it, in the order they approved
 * @param missing how many more it takes
 */
public record RuleStatus(ApprovalRule rule, List<String> counted, int missing) {
  public RuleStatus {
    Objects.requireNonNull(rule, "rule");
    counted = List.copyOf(counted);
    if (missing < 0) {
      throw new IllegalArgumentException("missing " + missing + " is negative");
    }
  }

  public boolean met() {
    return missing == 0;
  }
}
