package dev.sextant.core.analysis;

import java.util.Objects;

/**
 * A measurement with the phase its metric's conditions gave it and why: what is stored with the
 * rollout and shown.
 */
public record Judged(Measurement measurement, AnalysisPhase phase, String message) {
  public Judged {
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    if (phase == AnalysisPhase.RUNNING) {
      throw new IllegalArgumentException("a measurement is judged, never running");
    }
  }
}
