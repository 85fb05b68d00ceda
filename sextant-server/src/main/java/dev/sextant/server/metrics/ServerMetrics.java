package dev.sextant.server.metrics;

import dev.sextant.core.delivery.DeliveryFigures;
import dev.sextant.server.deploy.AnalysisMetrics;
import dev.sextant.server.deploy.DeliveryMetrics;
import dev.sextant.server.discovery.DriftMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The registry behind {@code /metrics}: Sextant's own counters (drift; deliveries: outcomes,
 * durations, rollbacks, abort latency, paused rollouts, DORA's figures; analyses: measurements and
 * judges' scores) and the JVM's.
 */
public final class ServerMetrics implements DriftMetrics, DeliveryMetrics, AnalysisMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // A gauge reads a value it holds; one holder per series, kept for the life of the process.
  private final Map<List<String>, AtomicReference<Double>> lastValues = new ConcurrentHashMap<>();
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
  public void measured(Labels labels, String metric, String track, String verdict, double value) {
    Counter.builder("sextant_analysis_measurements")
        .description("Measurements of rollouts' analyses, by rollout, metric, track and verdict")
        .tag("rollout", labels.rollout())
        .tag("environment", labels.environment())
        .tag("service", labels.service())
        .tag("metric", metric)
        .tag("track", track)
        .tag("verdict", verdict)
        .register(registry)
        .increment();
    gauge(
            "sextant_analysis_measurement_value",
            "The last value measured of each metric of a rollout's analysis (NaN: no data)",
            Tags.of(
                "rollout", labels.rollout(),
                "environment", labels.environment(),
                "service", labels.service(),
                "analysis", labels.analysis(),
                "metric", metric,
                "track", track))
        .set(value);
  }

  @Override
  public void judged(
      Labels labels, double score, String verdict, Map<String, String> classifications) {
    Tags rollout =
        Tags.of(
            "rollout", labels.rollout(),
            "environment", labels.environment(),
            "service", labels.service(),
            "analysis", labels.analysis());
    gauge(
            "sextant_canary_score",
            "The canary judge's last score (0-100) of a rollout's analysis",
            rollout)
        .set(score);
    Counter.builder("sextant_canary_judgements")
        .description("Canary judgements, by environment, service and verdict")
        .tag("environment", labels.environment())
        .tag("service", labels.service())
        .tag("verdict", verdict)
        .register(registry)
        .increment();
    classifications.forEach(
        (metric, classification) ->
            Counter.builder("sextant_canary_metric_classifications")
                .description("Judged metrics, by rollout, metric and classification")
                .tags(rollout)
                .tag("metric", metric)
                .tag("classification", classification)
                .register(registry)
                .increment());
  }

  @Override
  public void delivery(Supplier<List<DeliveryFigures>> figures) {
    dora.from(figures);
  }

  private AtomicReference<Double> gauge(String name, String description, Tags tags) {
    List<String> key = new ArrayList<>();
    key.add(name);
    tags.forEach(t -> key.add(t.getKey() + "=" + t.getValue()));
    return lastValues.computeIfAbsent(
        key,
        k -> {
          AtomicReference<Double> held = new AtomicReference<>(Double.NaN);
          Gauge.builder(name, held, AtomicReference::get)
              .description(description)
              .tags(tags)
              .register(registry);
          return held;
        });
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    dora.refresh();
    return registry.scrape();
  }
}
