package dev.sextant.core.analysis;

import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Metrics and measurements for tests, with Argo's defaults unless a test says otherwise. */
final class Metrics {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final Provider SCRAPE =
      new Provider.Scrape("/metrics", Optional.empty(), "http_requests_total", Map.of());

  private Metrics() {}

  static Metric metric(
      String name,
      Optional<String> success,
      Optional<String> failure,
      Optional<Integer> count,
      int failureLimit,
      int inconclusiveLimit,
      boolean dryRun) {
    return new Metric(
        name,
        Optional.of(Duration.ofMinutes(1)),
        Optional.empty(),
        count,
        success,
        failure,
        failureLimit,
        inconclusiveLimit,
        null,
        dryRun,
        SCRAPE);
  }

  /** Fails above 5% errors, passes below 1%, five measurements a minute apart. */
  static Metric errorRate(int failureLimit, int inconclusiveLimit) {
    return metric(
        "error-rate",
        Optional.of("result[0] < 0.01"),
        Optional.of("result[0] >= 0.05"),
        Optional.of(5),
        failureLimit,
        inconclusiveLimit,
        false);
  }

  static Measurement value(int minute, double value) {
    return new Measurement.Value(T0.plusSeconds(60L * minute), List.of(value));
  }

  static Measurement noData(int minute) {
    return new Measurement.NoData(T0.plusSeconds(60L * minute), "no instance has samples");
  }

  static Measurement error(int minute) {
    return new Measurement.QueryError(T0.plusSeconds(60L * minute), "connection refused");
  }
}
