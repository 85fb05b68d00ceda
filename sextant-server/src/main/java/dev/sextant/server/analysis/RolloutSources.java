package dev.sextant.server.analysis;

import dev.sextant.core.analysis.AnalysisPhase;
import dev.sextant.core.analysis.BurnRateJudgement;
import dev.sextant.core.analysis.Judged;
import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.burn.BurnRateGate;
import dev.sextant.core.resource.spec.BurnRate;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.analysis.prometheus.PrometheusClient;
import dev.sextant.server.analysis.prometheus.PrometheusQueryException;
import dev.sextant.server.analysis.prometheus.QueryResult;
import dev.sextant.server.secret.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A rollout's metrics measured where they are: a scrape metric on the canary's (or baseline's)
 * instances, a Prometheus metric by its query, in which {@code {{track}}} names the track measured
 * ({@code canary} or {@code baseline}, as the local target labels its scrape targets), and a
 * burn-rate gate by its metric's Prometheus query over each window, {@code {{window}}} filled with
 * the window in PromQL's notation.
 */
public final class RolloutSources implements MetricSources {
  private static final String TRACK = "{{track}}";
  private static final String WINDOW = "{{window}}";

  private final List<URI> canary;
  private final List<URI> baseline;
  private final Optional<URI> prometheus;
  private final SecretResolver secrets;
  private final HttpClient http;
  private final Clock clock;

  /**
   * @param canary the canary's instances (base URLs such as {@code http://127.0.0.1:8081})
   * @param baseline the baseline's instances
   * @param prometheus the server's Prometheus, for metrics that name none
   */
  public RolloutSources(
      List<URI> canary,
      List<URI> baseline,
      Optional<URI> prometheus,
      SecretResolver secrets,
      HttpClient http,
      Clock clock) {
    this.canary = List.copyOf(canary);
    this.baseline = List.copyOf(baseline);
    this.prometheus = prometheus;
    this.secrets = secrets;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public MeasurementSource canary(Metric metric) {
    return source(metric, canary, MetricJudged.CANARY);
  }

  @Override
  public MeasurementSource baseline(Metric metric) {
    if (baseline.isEmpty() && metric.provider() instanceof Provider.Scrape) {
      return () -> new Measurement.NoData(clock.instant(), "no baseline instance is ready");
    }
    return source(metric, baseline, MetricJudged.BASELINE);
  }

  @Override
  public GateSource burnRate(Metric metric, BurnRate gate) {
    if (!(metric.provider() instanceof Provider.Prometheus query)
        || !query.query().contains(WINDOW)) {
      return failing(
          "the burn-rate gate over "
              + metric.name()
              + " reads its error ratio over windows of minutes to days: it needs a Prometheus"
              + " metric whose query has {{window}}");
    }
    PrometheusClient client;
    try {
      client = client(query);
    } catch (IllegalArgumentException e) {
      return failing(e.getMessage());
    }
    String promql = query.query().replace(TRACK, MetricJudged.CANARY);
    return () -> {
      Instant at = clock.instant();
      try {
        return BurnRateJudgement.of(
            at,
            BurnRateGate.evaluate(
                gate, window -> ratio(client.query(promql.replace(WINDOW, duration(window)), at))));
      } catch (PrometheusQueryException e) {
        return new Judged(
            new Measurement.QueryError(at, e.getMessage()), AnalysisPhase.ERROR, e.getMessage());
      }
    };
  }

  /** A duration in PromQL's notation: {@code 1h30m}, {@code 5m}, {@code 2d}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds <= 0) {
      return duration.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    long[] units = {86_400, 3_600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (seconds >= units[i]) {
        text.append(seconds / units[i]).append(names[i]);
        seconds %= units[i];
      }
    }
    return text.toString();
  }

  private MeasurementSource source(Metric metric, List<URI> instances, String track) {
    try {
      if (metric.provider() instanceof Provider.Scrape scrape) {
        return ScrapeProvider.of(scrape, instances, http, clock);
      }
      Provider.Prometheus query = (Provider.Prometheus) metric.provider();
      return new PrometheusProvider(client(query), query.query().replace(TRACK, track), clock);
    } catch (IllegalArgumentException e) {
      // No instance, or no Prometheus: every measurement says so, and errors end the analysis.
      return () ->
          new Measurement.QueryError(
              clock.instant(),
              "metric " + metric.name() + " cannot be measured: " + e.getMessage());
    }
  }

  private PrometheusClient client(Provider.Prometheus query) {
    return PrometheusProvider.client(query, prometheus, secrets, http);
  }

  private GateSource failing(String why) {
    return () ->
        new Judged(new Measurement.QueryError(clock.instant(), why), AnalysisPhase.ERROR, why);
  }

  // An error ratio is one number: a one-series vector or a scalar; anything else is no data.
  private static OptionalDouble ratio(QueryResult result) {
    if (result instanceof QueryResult.Scalar scalar) {
      return finite(scalar.value());
    }
    if (result instanceof QueryResult.Vector vector && vector.samples().size() == 1) {
      return finite(vector.samples().get(0).value());
    }
    return OptionalDouble.empty();
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
