package dev.sextant.core.analysis;

/**
 * The phase of a measurement, a metric or a whole analysis, declared from best to worst as Argo
 * Rollouts ranks them when it combines metrics ({@code utils/analysis/helpers.go}).
 */
public enum AnalysisPhase {
  SUCCESSFUL,
  RUNNING,
  INCONCLUSIVE,
  ERROR,
  FAILED;

  /** Whether nothing more will change it. */
  public boolean isDone() {
    return this != RUNNING;
  }

  /** Failed and Error both abort a rollout, traffic back to stable (Argo's {@code AddAbort}). */
  public boolean abortsRollout() {
    return this == FAILED || this == ERROR;
  }

  /** Inconclusive pauses a rollout for a person to decide (Argo's InconclusiveAnalysisRun). */
  public boolean pausesRollout() {
    return this == INCONCLUSIVE;
  }

  AnalysisPhase worse(AnalysisPhase other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
