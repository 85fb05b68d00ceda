package dev.sextant.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.analysis.prometheus.PrometheusClient;
import dev.sextant.server.analysis.prometheus.PrometheusQueryException;
import dev.sextant.server.analysis.prometheus.QueryResult;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.targets.local.prometheus.LocalPrometheus;
import dev.sextant.server.targets.local.prometheus.PrometheusInstallation;
import dev.sextant.server.targets.local.prometheus.ScrapeTarget;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus provider against a real Prometheus (Debian's, installed when missing) scraping two
 * sample services found through file-based discovery: a baseline, and a canary that fails 30% of
 * its requests and answers 100 ms slower.
 */
@Timeout(90)
class RealPrometheusTest {
  static final String ERROR_RATIO =
      "sum(rate(sample_requests_total{code=\"500\",track=\"{{args.track}}\"}[5s]))"
          + " / sum(rate(sample_requests_total{track=\"{{args.track}}\"}[5s]))";
  static final String P90 =
      "histogram_quantile(0.9, sum by (le) (rate("
          + "sample_request_duration_seconds_bucket{track=\"{{args.track}}\"}[5s])))";
  static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path directory;
  static LocalPrometheus prometheus;
  static SampleProcess baseline;
  static SampleProcess canary;
  static PrometheusClient client;

  @BeforeAll
  static void start() {
    prometheus = LocalPrometheus.start(PrometheusInstallation.binary(), directory);
    baseline = SampleProcess.start("1.0.0", "--latency=5ms");
    canary = SampleProcess.start("1.1.0", "--latency=100ms", "--error-rate=0.3");
    prometheus.targets().publish("sample-baseline", List.of(target(baseline, "baseline")));
    prometheus.targets().publish("sample-canary", List.of(target(canary, "canary")));
    client =
        new PrometheusClient(
            prometheus.address(),
            Optional.empty(),
            new Secrets(Map.of()),
            PrometheusClient.http(),
            PrometheusClient.TIMEOUT);
    awaitUntil(
        "both tracks have an error ratio",
        () ->
            measure(ERROR_RATIO, "canary") instanceof Measurement.Value
                && measure(ERROR_RATIO, "baseline") instanceof Measurement.Value);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (AutoCloseable running : new AutoCloseable[] {canary, baseline, prometheus}) {
      if (running != null) {
        try {
          running.close();
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static ScrapeTarget target(SampleProcess sample, String track) {
    return new ScrapeTarget(
        sample.hostPort(),
        Map.of(
            "service", "sample",
            "track", track,
            "rollout", "sample-1",
            "environment", "test",
            "version", track.equals("canary") ? "1.1.0" : "1.0.0"));
  }

  /** The template's query with {@code track} filled in, measured now. */
  private static Measurement measure(String query, String track) {
    Metric metric =
        new Metric(
            "m",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            4,
            false,
            new Provider.Prometheus(Optional.empty(), Optional.empty(), query));
    AnalysisTemplateSpec template =
        new AnalysisTemplateSpec(
            "",
            List.of(new AnalysisTemplateSpec.Arg("track", Optional.empty())),
            List.of(metric),
            Optional.empty(),
            Optional.empty());
    Provider.Prometheus filled =
        (Provider.Prometheus)
            TemplateArguments.apply(template, List.of(new Argument("track", track)))
                .metrics()
                .get(0)
                .provider();
    return PrometheusProvider.of(
            filled,
            Optional.of(prometheus.address()),
            new Secrets(Map.of()),
            HttpClient.newHttpClient(),
            Clock.systemUTC())
        .measure();
  }

  private static double value(Measurement measurement) {
    assertThat(measurement).isInstanceOf(Measurement.Value.class);
    List<Double> result = ((Measurement.Value) measurement).result();
    assertThat(result).hasSize(1);
    return result.get(0);
  }

  /** Polls {@code condition} until it holds, failing past {@link #DEADLINE}. */
  private static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "not within " + DEADLINE + ": " + what + "; Prometheus said:\n" + prometheus.output());
      }
      try {
        // Prometheus scrapes every second; asking more often learns nothing new.
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }

  @Test
  void the_canary_error_ratio_is_measured_above_the_baseline_one() {
    double canaryRatio = value(measure(ERROR_RATIO, "canary"));
    double baselineRatio = value(measure(ERROR_RATIO, "baseline"));

    assertThat(canaryRatio).isBetween(0.2, 0.4);
    assertThat(baselineRatio).isLessThan(0.01);
  }

  @Test
  void the_histogram_quantile_of_each_track_has_the_latency_it_was_given() {
    assertThat(value(measure(P90, "baseline"))).isLessThan(0.05);
    assertThat(value(measure(P90, "canary"))).isBetween(0.1, 0.5);
  }

  @Test
  void a_selector_matching_no_series_is_no_data() {
    assertThat(measure(ERROR_RATIO, "no-such-track"))
        .isInstanceOfSatisfying(
            Measurement.NoData.class,
            noData -> assertThat(noData.reason()).startsWith("no series matched sum(rate("));
  }

  @Test
  void an_argument_cannot_break_out_of_its_label_matcher() {
    // Unescaped, this would add "or vector(1)" to the query and measure 1.
    assertThat(measure("sum(up{track=\"{{args.track}}\"})", "x\"} or vector(1) or up{track=\""))
        .isInstanceOf(Measurement.NoData.class);
  }

  @Test
  void a_bad_query_is_an_error_with_prometheus_message() {
    assertThat(measure("sum(rate(sample_requests_total[5s]", "canary"))
        .isInstanceOfSatisfying(
            Measurement.QueryError.class,
            error ->
                assertThat(error.message())
                    .startsWith("Prometheus at " + prometheus.address() + " refused the query")
                    .contains("bad_data")
                    .contains("parse error"));
  }

  @Test
  void a_range_query_gives_a_series_per_track() {
    Instant end = Instant.now();
    QueryResult.Matrix matrix =
        client.queryRange(
            "sum by (track) (rate(sample_requests_total{track=~\"baseline|canary\"}[5s]))",
            end.minusSeconds(5),
            end,
            Duration.ofSeconds(1));

    assertThat(matrix.series())
        .extracting(series -> series.labels().get("track"))
        .containsExactly("baseline", "canary");
    assertThat(matrix.series())
        .allSatisfy(series -> assertThat(series.points()).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void a_withdrawn_group_is_no_longer_scraped() throws InterruptedException {
    try (SampleProcess stable = SampleProcess.start("0.9.0")) {
      prometheus.targets().publish("sample-stable", List.of(target(stable, "stable")));
      awaitUntil("the stable instance is scraped", () -> upSeries("stable") == 1);

      prometheus.targets().withdraw("sample-stable");
      awaitUntil("the stable instance is dropped", () -> upSeries("stable") == 0);
    }
  }

  private static int upSeries(String track) {
    try {
      return ((QueryResult.Vector) client.query("up{track=\"" + track + "\"} == 1", Instant.now()))
          .samples()
          .size();
    } catch (PrometheusQueryException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
