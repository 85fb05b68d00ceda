package dev.sextant.core.analysis;

import static dev.sextant.core.analysis.AnalysisPhase.ERROR;
import static dev.sextant.core.analysis.AnalysisPhase.FAILED;
import static dev.sextant.core.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.sextant.core.analysis.AnalysisPhase.RUNNING;
import static dev.sextant.core.analysis.AnalysisPhase.SUCCESSFUL;
import static dev.sextant.core.analysis.Metrics.T0;
import static dev.sextant.core.analysis.Metrics.error;
import static dev.sextant.core.analysis.Metrics.noData;
import static dev.sextant.core.analysis.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisRunStateTest {
  /** One measurement decides: below 1 passes, 1 or more fails, no data is inconclusive. */
  private static Metric once(String name, boolean dryRun) {
    return Metrics.metric(
        name, Optional.of("result[0] < 1"), Optional.empty(), Optional.of(1), 0, 0, dryRun);
  }

  private static MetricRun ended(String name, AnalysisPhase phase) {
    MetricRun run = MetricRun.start(once(name, false), T0);
    return switch (phase) {
      case SUCCESSFUL -> run.record(value(0, 0));
      case FAILED -> run.record(value(0, 5));
      case INCONCLUSIVE -> run.record(noData(0));
      case ERROR ->
          run.record(error(0)).record(error(0)).record(error(0)).record(error(0)).record(error(0));
      case RUNNING -> run;
    };
  }

  private static AnalysisPhase combined(AnalysisPhase... phases) {
    List<MetricRun> runs = new java.util.ArrayList<>();
    for (int i = 0; i < phases.length; i++) {
      MetricRun run = ended("m" + i, phases[i]);
      assertThat(run.phase()).isEqualTo(phases[i]);
      runs.add(run);
    }
    return new AnalysisRunState(runs).phase();
  }

  @Test
  void the_verdict_is_the_worst_metric_failed_over_error_over_inconclusive_over_running() {
    assertThat(combined(SUCCESSFUL, SUCCESSFUL)).isEqualTo(SUCCESSFUL);
    assertThat(combined(SUCCESSFUL, RUNNING)).isEqualTo(RUNNING);
    assertThat(combined(RUNNING, INCONCLUSIVE)).isEqualTo(INCONCLUSIVE);
    assertThat(combined(INCONCLUSIVE, ERROR)).isEqualTo(ERROR);
    assertThat(combined(ERROR, FAILED, INCONCLUSIVE)).isEqualTo(FAILED);
    assertThat(FAILED.abortsRollout()).isTrue();
    assertThat(ERROR.abortsRollout()).isTrue();
    assertThat(INCONCLUSIVE.pausesRollout()).isTrue();
    assertThat(SUCCESSFUL.abortsRollout() || SUCCESSFUL.pausesRollout()).isFalse();
  }

  @Test
  void one_failed_metric_ends_the_analysis_while_others_still_run() {
    Metric slow =
        Metrics.metric(
            "slow", Optional.of("result[0] < 1"), Optional.empty(), Optional.of(5), 0, 0, false);
    AnalysisRunState state =
        new AnalysisRunState(
                List.of(MetricRun.start(slow, T0), MetricRun.start(once("fast", false), T0)))
            .record("slow", value(0, 0))
            .record("fast", value(0, 3));

    assertThat(state.phase()).isEqualTo(FAILED);
    assertThat(state.nextMeasurementAt()).isEmpty();
    assertThat(state.due(T0.plusSeconds(3600))).isEmpty();
    assertThatThrownBy(() -> state.record("slow", value(1, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the analysis is FAILED");
  }

  @Test
  void a_dry_run_metric_is_recorded_but_never_decides() {
    AnalysisRunState state =
        new AnalysisRunState(
                List.of(
                    MetricRun.start(once("real", false), T0),
                    MetricRun.start(once("trial", true), T0)))
            .record("trial", value(0, 9));

    assertThat(state.phase()).isEqualTo(RUNNING);
    state = state.record("real", value(0, 0.5));
    assertThat(state.phase()).isEqualTo(SUCCESSFUL);
    assertThat(state.metrics().get(1).phase()).isEqualTo(FAILED);
    assertThat(state.metrics().get(1).measurements()).hasSize(1);

    AnalysisRunState onlyDryRun =
        new AnalysisRunState(List.of(MetricRun.start(once("trial", true), T0)))
            .record("trial", noData(0));
    assertThat(onlyDryRun.phase()).isEqualTo(SUCCESSFUL);
  }

  @Test
  void an_unfinished_dry_run_metric_keeps_the_analysis_running() {
    Metric trial =
        Metrics.metric("trial", Optional.empty(), Optional.empty(), Optional.of(3), 0, 0, true);
    AnalysisRunState state =
        new AnalysisRunState(
                List.of(MetricRun.start(once("real", false), T0), MetricRun.start(trial, T0)))
            .record("real", value(0, 0));

    assertThat(state.phase()).isEqualTo(RUNNING);
    assertThat(state.nextMeasurementAt()).contains(T0);
  }

  @Test
  void a_template_starts_every_metric_and_says_which_are_due() {
    Metric delayed =
        new Metric(
            "latency",
            Optional.of(Duration.ofMinutes(1)),
            Optional.of(Duration.ofMinutes(1)),
            Optional.of(5),
            Optional.of("result[0] < 0.5"),
            Optional.empty(),
            0,
            0,
            null,
            false,
            Metrics.SCRAPE);
    AnalysisTemplateSpec template =
        new AnalysisTemplateSpec(
            "",
            List.of(),
            List.of(Metrics.errorRate(1, 0), delayed),
            Optional.empty(),
            Optional.empty());

    AnalysisRunState state = AnalysisRunState.start(template, T0);
    assertThat(state.nextMeasurementAt()).contains(T0);
    assertThat(state.due(T0)).extracting(Metric::name).containsExactly("error-rate");
    state = state.record("error-rate", value(0, 0));
    assertThat(state.due(T0.plusSeconds(60)))
        .extracting(Metric::name)
        .containsExactly("error-rate", "latency");
    assertThatThrownBy(() -> AnalysisRunState.start(template, T0).record("cpu", value(0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no metric 'cpu'");
  }

  @Test
  void an_analysis_over_an_empty_scrape_pauses_never_passes() {
    ScrapeQuery requests = new ScrapeQuery.Rate(Selector.parse("http_requests_total"));
    Exposition empty = PrometheusText.parse("");
    Reading reading =
        requests.measure(
            List.of(
                new ScrapePair(
                    "canary-1", new Scraped(T0, empty), new Scraped(T0.plusSeconds(60), empty))),
            1);
    Metric rate =
        Metrics.metric(
            "rate", Optional.empty(), Optional.of("result[0] > 100"), Optional.of(1), 0, 0, false);

    AnalysisRunState state =
        new AnalysisRunState(List.of(MetricRun.start(rate, T0)))
            .record("rate", Measurement.of(T0.plusSeconds(60), reading));

    assertThat(state.phase()).isEqualTo(INCONCLUSIVE);
    assertThat(state.phase().pausesRollout()).isTrue();
  }

  @Test
  void replaying_the_same_measurements_gives_the_same_verdicts() {
    List<Measurement> history = List.of(value(0, 0.001), noData(1), error(2), value(3, 0.07));
    AnalysisRunState first = AnalysisRunState.start(template(), T0);
    AnalysisRunState second = AnalysisRunState.start(template(), T0);
    for (Measurement m : history) {
      first = first.record("error-rate", m);
    }
    for (Measurement m : history) {
      second = second.record("error-rate", m);
    }

    assertThat(second).isEqualTo(first);
    assertThat(first.metrics().get(0).measurements())
        .extracting(Judged::phase)
        .containsExactly(SUCCESSFUL, INCONCLUSIVE, ERROR, FAILED);
    assertThat(first.phase()).isEqualTo(RUNNING);
  }

  private static AnalysisTemplateSpec template() {
    return new AnalysisTemplateSpec(
        "", List.of(), List.of(Metrics.errorRate(1, 1)), Optional.empty(), Optional.empty());
  }
}
