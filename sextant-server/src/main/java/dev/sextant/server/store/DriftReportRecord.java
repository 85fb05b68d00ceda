package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.util.Objects;

/**
 * A drift report to save: the environment, what its current fingerprint was compared with and the
 * digests of both sides, how many facts differ, the action taken, and the report itself.
 *
 * <p>A check that finds no drift is saved too, with no differences and {@link DriftAction#NONE}:
 * that report is what lifts an earlier block.
 *
 * @param baseline the digest of what was compared with: the declared facts, or the last known good
 *     fingerprint
 * @param current the digest of the current fingerprint
 * @param differences how many facts were added, removed or changed
 */
public record DriftReportRecord(
    String environment,
    DriftKind kind,
    Digest baseline,
    Digest current,
    int differences,
    DriftAction action,
    ObjectNode report) {
  /**
   * @throws IllegalArgumentException when differences is negative, or 0 with an action other than
   *     {@link DriftAction#NONE}
   */
  public DriftReportRecord {
    Checks.name(environment, "an environment name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(action, "action");
    if (differences < 0) {
      throw new IllegalArgumentException(
          "a drift report cannot have " + differences + " differences");
    }
    if (differences == 0 && action != DriftAction.NONE) {
      throw new IllegalArgumentException(
          "a drift report without differences takes no action, not " + action.word());
    }
    report = Objects.requireNonNull(report, "report").deepCopy();
  }

  @Override
  public ObjectNode report() {
    return report.deepCopy();
  }
}
