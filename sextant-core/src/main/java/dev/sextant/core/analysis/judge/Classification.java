package dev.sextant.core.analysis.judge;

/** How a metric's canary compares with its baseline. */
public enum Classification {
  /** No difference that matters, in the direction that matters. */
  PASS,
  /** The canary is significantly and sizeably higher. */
  HIGH,
  /** The canary is significantly and sizeably lower. */
  LOW,
  /** Canary or baseline has no measurement left to compare: inconclusive, never a pass. */
  NODATA
}
