package dev.sextant.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement of a rollout's analysis.
 *
 * @param analysis the analysis that took it: {@code background}, or {@code step-N}
 * @param track {@code canary}, or {@code baseline} for a metric a judge compares
 * @param value none when there was no data or the provider failed
 * @param verdict {@code successful}, {@code failed}, {@code inconclusive} or {@code error}
 */
public record StoredMeasurement(
    String analysis,
    String metric,
    String track,
    Instant at,
    Optional<Double> value,
    String verdict,
    Optional<String> message) {
  public StoredMeasurement {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(track, "track");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
  }
}
