package dev.sextant.server.metrics;

import dev.sextant.core.delivery.DeliveryFigures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DORA's figures as gauges per environment and service, computed again each time the metrics are
 * read (one query of the finished rollouts), so they never lag the store. A figure without data has
 * no sample rather than a 0, as in the report.
 */
final class DoraGauges {
  private static final Logger LOG = LoggerFactory.getLogger(DoraGauges.class);

  private final MultiGauge frequency;
  private final MultiGauge leadTime;
  private final MultiGauge failureRatio;
  private final MultiGauge timeToRestore;
  private Supplier<List<DeliveryFigures>> figures = List::of;

  DoraGauges(MeterRegistry registry) {
    frequency =
        MultiGauge.builder("sextant_dora_deployment_frequency_per_day")
            .description("Deployments per day over the last 30 days, by environment and service")
            .register(registry);
    leadTime =
        MultiGauge.builder("sextant_dora_lead_time_seconds")
            .description(
                "From a release revision's creation to its rollout's deployment, over the last 30"
                    + " days: the median and 90th percentile")
            .register(registry);
    failureRatio =
        MultiGauge.builder("sextant_dora_change_failure_ratio")
            .description(
                "Failed or rolled-back rollouts over all that finished in the last 30 days")
            .register(registry);
    timeToRestore =
        MultiGauge.builder("sextant_dora_time_to_restore_seconds")
            .description(
                "From a failed rollout to the next successful one of the service in the"
                    + " environment, over the last 30 days: the median")
            .register(registry);
  }

  synchronized void from(Supplier<List<DeliveryFigures>> figures) {
    this.figures = figures;
  }

  synchronized void refresh() {
    List<DeliveryFigures> now;
    try {
      now = figures.get();
    } catch (RuntimeException e) {
      // /metrics still answers with the JVM's and the last figures while the store is away.
      LOG.warn(
          "the delivery figures could not be read, the gauges keep the last ones: {}",
          e.toString());
      return;
    }
    frequency.register(rows(now, f -> Optional.of(f.deploymentsPerDay()), Tags.empty()), true);
    List<MultiGauge.Row<?>> lead = new ArrayList<>();
    lead.addAll(
        rows(now, f -> f.leadTimeMedian().map(DoraGauges::seconds), Tags.of("quantile", "0.5")));
    lead.addAll(
        rows(now, f -> f.leadTimeP90().map(DoraGauges::seconds), Tags.of("quantile", "0.9")));
    leadTime.register(lead, true);
    failureRatio.register(
        rows(
            now,
            f ->
                f.changeFailureRate().isPresent()
                    ? Optional.of(f.changeFailureRate().getAsDouble())
                    : Optional.empty(),
            Tags.empty()),
        true);
    timeToRestore.register(
        rows(now, f -> f.timeToRestoreMedian().map(DoraGauges::seconds), Tags.empty()), true);
  }

  private static List<MultiGauge.Row<?>> rows(
      List<DeliveryFigures> figures, Function<DeliveryFigures, Optional<Double>> value, Tags more) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (DeliveryFigures f : figures) {
      value
          .apply(f)
          .ifPresent(
              v ->
                  rows.add(
                      MultiGauge.Row.of(
                          Tags.of("environment", f.environment(), "service", f.service()).and(more),
                          v)));
    }
    return rows;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
