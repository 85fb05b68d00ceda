package dev.sextant.server.metrics;

import dev.sextant.server.discovery.DriftMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The registry behind {@code /metrics}: Sextant's own counters (drift so far; deliveries come with
 * the rollout engine) and the JVM's.
 */
public final class ServerMetrics implements DriftMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

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

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
