package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Measurement;

/** Where one metric's measurements come from; it stamps each with its own clock's time. */
@FunctionalInterface
public interface MeasurementSource {

  /** A measurement now: a value, no data or an error, never an exception for a provider's fault. */
  Measurement measure();

  /**
   * Called once as the analysis starts, before any measurement: a source that measures change
   * between two reads (the scrape provider) takes its first read here, so that the first
   * measurement, an {@code initialDelay} later, already has a window.
   */
  default void begin() {}
}
