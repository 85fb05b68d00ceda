package dev.sextant.server.metrics;

import dev.sextant.core.delivery.DeliveryFigures;
import dev.sextant.server.deploy.DeliveryMetrics;
import dev.sextant.server.discovery.DriftMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registry behind {@code /metrics}: Sextant's own counters (drift, and deliveries: outcomes,
 * durations, rollbacks, abort latency, paused rollouts, DORA's figures) and the JVM's.
 */
public final class ServerMetrics implements DriftMetrics, DeliveryMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DoraGauges dora = new DoraGauges(registry);

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    // Registered for the life of the process; the server is that process.
    new JvmGcMetrics().bindTo(registry);
  }

  @Override
  public void detected(String environment, String kind, String action) {
    Counter.builder("sextant_drift_detected")
        .description("Drift reports that found differences, by environment, basis and action taken")
        .tag("environment", environment)
        .tag("kind", kind)
        .tag("action", action)
        .register(registry)
        .increment();
  }

  @Override
  public void checkedAll() {
    Counter.builder("sextant_drift_checks")
        .description(
            "Scheduled checks of every environment's drift that this server ran; servers sharing"
                + " a store take turns, so their sum is one per interval")
        .register(registry)
        .increment();
  }

  @Override
  public void ended(String environment, String service, String outcome, Duration took) {
    Counter.builder("sextant_deployments")
        .description("Rollouts ended, by environment, service and outcome")
        .tag("environment", environment)
        .tag("service", service)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("sextant_deployment_duration")
        .description("Time from a rollout's start to its end, by outcome")
        .tag("environment", environment)
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
    if (!outcome.equals("succeeded")) {
      Counter.builder("sextant_rollbacks")
          .description(
              "Rollouts that ended with stable serving again: failed, aborted or rolled back")
          .tag("environment", environment)
          .tag("service", service)
          .tag("outcome", outcome)
          .register(registry)
          .increment();
    }
  }

  @Override
  public void canaryCut(String environment, String service, Duration latency) {
    Timer.builder("sextant_abort_latency")
        .description("From a failure or abort decided to the canary's weight 0 on the target")
        .tag("environment", environment)
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(latency);
  }

  @Override
  public void paused(Supplier<Number> count) {
    Gauge.builder("sextant_rollouts_paused", () -> count.get().doubleValue())
        .description("Rollouts paused now: by an operator, a pause step or a failure hold")
        .register(registry);
  }

  @Override
  public void delivery(Supplier<List<DeliveryFigures>> figures) {
    dora.from(figures);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    dora.refresh();
    return registry.scrape();
  }
}
