package dev.sextant.core.analysis.judge;

/** The verdict on a score: at or above the pass threshold, at or above the marginal one, or not. */
public enum ScoreClass {
  PASS,
  MARGINAL,
  FAIL
}
