package dev.sextant.core.rollout;

import java.util.Locale;

/** Where a rollout stands; the last four are terminal. */
public enum Phase {
  /** Planned, not started. */
  PENDING,
  /** Waiting for the target to carry out the current step. */
  PROGRESSING,
  /** Held: by a timed or untimed pause step, by an operator, or after an unclear verdict. */
  PAUSED,
  AWAITING_APPROVAL,
  ANALYZING,
  SUCCEEDED,
  /** Stopped by an operator; traffic is back on the stable version. */
  ABORTED,
  /** Stopped by a failed step, verdict, crash or deadline; traffic is back on stable. */
  FAILED,
  /** A succeeded rollout undone: the previous stable revision is restored. */
  ROLLED_BACK;

  public boolean terminal() {
    return this == SUCCEEDED || this == ABORTED || this == FAILED || this == ROLLED_BACK;
  }

  /** As a sentence says it: "awaiting approval". */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
