package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Judged;
import dev.sextant.core.resource.spec.BurnRate;
import dev.sextant.core.resource.spec.Metric;

/** Where an analysis' metrics, their arguments filled in, are measured. */
public interface MetricSources {

  /** The metric measured on the canary. */
  MeasurementSource canary(Metric metric);

  /** The metric measured on the baseline the judge compares the canary with. */
  MeasurementSource baseline(Metric metric);

  /** The burn-rate gate over the metric, whose every measurement the gate judges. */
  GateSource burnRate(Metric metric, BurnRate gate);

  /** A burn-rate gate's measurements, each judged by the gate. */
  @FunctionalInterface
  interface GateSource {
    Judged measure();
  }
}
