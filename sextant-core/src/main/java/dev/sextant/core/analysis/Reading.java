package dev.sextant.core.analysis;

import java.util.Objects;

/** What a scrape query measured: a value, or no data and why (never a zero in disguise). */
public sealed interface Reading {

  /** A measured value and how many instances it was measured on. */
  record Value(double value, int instances) implements Reading {}

  /** Nothing to judge: no samples, too few instances, an empty denominator, no observations. */
  record NoData(String reason) implements Reading {
    public NoData {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
