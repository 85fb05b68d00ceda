package dev.sextant.core.rollout;

/**
 * Why a rollout is {@link Phase#PAUSED}, which decides what resumes it and whether it times out.
 */
public enum Hold {
  /** A pause step with a duration: its timer resumes it. */
  TIMED,
  /** A pause step without a duration: an operator resumes it. */
  UNTIMED,
  /** An operator paused it; the only hold without a deadline, since a person now owns it. */
  OPERATOR,
  /** Analysis could not decide; resuming accepts the step as passed. */
  INCONCLUSIVE,
  /** A failure under {@code onFailure: pause}: traffic is off the canary, a person decides. */
  FAILURE
}
