package dev.sextant.core.analysis.burn;

/** What a burn-rate gate says about promoting now. */
public enum Verdict {
  /** Every window had data and no pair burns faster than its factor. */
  PASS,
  /** Some window pair burns faster than its factor over both its windows. */
  FAIL,
  /** No pair fires, but the period's error budget is spent: promotions pause until it recovers. */
  EXHAUSTED,
  /** A window the gate needed had no data and nothing fired: inconclusive, never a pass. */
  NODATA
}
