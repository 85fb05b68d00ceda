package dev.sextant.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.analysis.AnalysisPhase;
import dev.sextant.core.analysis.Judged;
import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.resource.spec.BurnRate;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.secret.Secrets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a rollout's metrics are measured when nothing can measure them, and PromQL's durations. */
class RolloutSourcesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T21:00:00Z"), ZoneOffset.UTC);
  private static final BurnRate GATE =
      new BurnRate(
          99.9,
          "errors",
          List.of(new BurnRate.Window(Duration.ofHours(1), Duration.ofMinutes(5), 14.4)),
          null);

  private static RolloutSources withoutPrometheus() {
    return new RolloutSources(
        List.of(),
        List.of(),
        Optional.empty(),
        new Secrets(Map.of()),
        HttpClient.newHttpClient(),
        CLOCK);
  }

  private static Metric metric(Provider provider) {
    return new Metric(
        "errors",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        null,
        false,
        provider);
  }

  @Test
  void a_window_is_written_as_promql_writes_durations() {
    assertThat(RolloutSources.duration(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(RolloutSources.duration(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(RolloutSources.duration(Duration.ofHours(720))).isEqualTo("30d");
    assertThat(RolloutSources.duration(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(RolloutSources.duration(Duration.ofMillis(500))).isEqualTo("500ms");
  }

  @Test
  void a_burn_rate_gate_over_a_scrape_metric_is_an_error_saying_what_it_needs() {
    Judged judged =
        withoutPrometheus()
            .burnRate(
                metric(new Provider.Scrape("/metrics", Optional.empty(), "errors_total", Map.of())),
                GATE)
            .measure();

    assertThat(judged.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(judged.message()).contains("needs a Prometheus metric whose query has {{window}}");
  }

  @Test
  void a_prometheus_metric_without_a_prometheus_or_a_baseline_without_instances_says_so() {
    Metric prometheus =
        metric(
            new Provider.Prometheus(Optional.empty(), Optional.empty(), "up{track=\"{{track}}\"}"));
    Metric scrape =
        metric(new Provider.Scrape("/metrics", Optional.empty(), "errors_total", Map.of()));

    assertThat(withoutPrometheus().canary(prometheus).measure())
        .isInstanceOfSatisfying(
            Measurement.QueryError.class,
            e -> assertThat(e.message()).contains("the server has no Prometheus of its own"));
    assertThat(withoutPrometheus().baseline(scrape).measure())
        .isInstanceOfSatisfying(
            Measurement.NoData.class,
            n -> assertThat(n.reason()).isEqualTo("no baseline instance is ready"));
    assertThat(
            withoutPrometheus()
                .burnRate(
                    metric(
                        new Provider.Prometheus(
                            Optional.empty(), Optional.empty(), "rate(x[{{window}}])")),
                    GATE)
                .measure()
                .message())
        .contains("the server has no Prometheus of its own");
  }
}
