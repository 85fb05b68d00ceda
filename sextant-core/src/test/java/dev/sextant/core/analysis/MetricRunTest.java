package dev.sextant.core.analysis;

import static dev.sextant.core.analysis.AnalysisPhase.ERROR;
import static dev.sextant.core.analysis.AnalysisPhase.FAILED;
import static dev.sextant.core.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.sextant.core.analysis.AnalysisPhase.RUNNING;
import static dev.sextant.core.analysis.AnalysisPhase.SUCCESSFUL;
import static dev.sextant.core.analysis.Metrics.T0;
import static dev.sextant.core.analysis.Metrics.error;
import static dev.sextant.core.analysis.Metrics.errorRate;
import static dev.sextant.core.analysis.Metrics.noData;
import static dev.sextant.core.analysis.Metrics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricRunTest {
  private static List<AnalysisPhase> phases(Metric metric, Measurement... measurements) {
    MetricRun run = MetricRun.start(metric, T0);
    List<AnalysisPhase> phases = new ArrayList<>();
    for (Measurement measurement : measurements) {
      run = run.record(measurement);
      phases.add(run.phase());
    }
    return phases;
  }

  @Test
  void count_passing_measurements_make_the_metric_successful() {
    assertThat(
            phases(
                errorRate(0, 0),
                value(0, 0.001),
                value(1, 0.002),
                value(2, 0),
                value(3, 0.005),
                value(4, 0.009)))
        .containsExactly(RUNNING, RUNNING, RUNNING, RUNNING, SUCCESSFUL);
  }

  @Test
  void failures_beyond_the_failure_limit_fail_the_metric() {
    assertThat(phases(errorRate(1, 0), value(0, 0.07), value(1, 0.001), value(2, 0.06)))
        .containsExactly(RUNNING, RUNNING, FAILED);
    assertThat(phases(errorRate(0, 0), value(0, 0.07))).containsExactly(FAILED);
    // Within the limit, the count still ends it successfully, as in Argo.
    assertThat(
            phases(
                errorRate(1, 0),
                value(0, 0.07),
                value(1, 0),
                value(2, 0),
                value(3, 0),
                value(4, 0)))
        .endsWith(SUCCESSFUL);
  }

  @Test
  void a_negative_failure_limit_never_fails_as_in_argo() {
    assertThat(phases(errorRate(-1, 0), value(0, 0.5), value(1, 0.5), value(2, 0.5)))
        .containsExactly(RUNNING, RUNNING, RUNNING);
  }

  @Test
  void no_data_is_inconclusive_and_beyond_the_limit_so_is_the_metric() {
    assertThat(phases(errorRate(0, 0), noData(0))).containsExactly(INCONCLUSIVE);
    assertThat(phases(errorRate(0, 1), noData(0), value(1, 0), noData(2)))
        .containsExactly(RUNNING, RUNNING, INCONCLUSIVE);
    // Between the limits (0.01 <= x < 0.05) is inconclusive too.
    assertThat(phases(errorRate(0, 0), value(0, 0.02))).containsExactly(INCONCLUSIVE);
  }

  @Test
  void a_metric_that_only_ever_had_no_data_is_never_successful() {
    Metric generous =
        Metrics.metric(
            "m", Optional.of("result[0] < 1"), Optional.empty(), Optional.of(3), 0, 10, false);

    assertThat(phases(generous, noData(0), noData(1), noData(2)))
        .containsExactly(RUNNING, RUNNING, INCONCLUSIVE);
    assertThat(phases(generous, noData(0), value(1, 0.5), noData(2))).endsWith(SUCCESSFUL);
    Metric recordOnly =
        Metrics.metric("m", Optional.empty(), Optional.empty(), Optional.of(1), 0, 10, false);
    assertThat(phases(recordOnly, noData(0))).containsExactly(INCONCLUSIVE);
  }

  @Test
  void errors_in_a_row_beyond_the_limit_are_an_error_and_do_not_count_as_measurements() {
    Metric metric = errorRate(0, 0);
    assertThat(metric.consecutiveErrorLimit()).isEqualTo(4);

    assertThat(phases(metric, error(0), error(1), error(2), error(3), error(4)))
        .containsExactly(RUNNING, RUNNING, RUNNING, RUNNING, ERROR);
    MetricRun interrupted = MetricRun.start(metric, T0);
    for (Measurement m :
        List.of(error(0), error(1), error(2), error(3), value(4, 0), error(5), error(6))) {
      interrupted = interrupted.record(m);
    }
    assertThat(interrupted.phase()).isEqualTo(RUNNING);
    assertThat(interrupted.consecutiveErrors()).isEqualTo(2);
    assertThat(interrupted.count(ERROR)).isEqualTo(6);
    assertThat(interrupted.count(SUCCESSFUL)).isEqualTo(1);
  }

  @Test
  void without_count_a_metric_with_an_interval_runs_until_the_analysis_ends() {
    Metric endless =
        Metrics.metric(
            "m", Optional.of("result[0] < 1"), Optional.empty(), Optional.empty(), 0, 0, false);
    MetricRun run = MetricRun.start(endless, T0);
    for (int minute = 0; minute < 100; minute++) {
      run = run.record(value(minute, 0.5));
    }

    assertThat(run.phase()).isEqualTo(RUNNING);
    assertThat(run.nextMeasurementAt()).contains(T0.plusSeconds(60 * 100));
  }

  @Test
  void without_count_or_interval_a_metric_is_measured_once() {
    Metric once =
        new Metric(
            "once",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("result[0] < 1"),
            Optional.empty(),
            0,
            0,
            null,
            false,
            Metrics.SCRAPE);

    MetricRun run = MetricRun.start(once, T0);
    assertThat(run.nextMeasurementAt()).contains(T0);
    run = run.record(value(0, 0.5));
    assertThat(run.phase()).isEqualTo(SUCCESSFUL);
    assertThat(run.nextMeasurementAt()).isEmpty();
  }

  @Test
  void the_next_measurement_waits_for_the_initial_delay_then_the_interval_or_the_error_retry() {
    Metric delayed =
        new Metric(
            "latency",
            Optional.of(Duration.ofMinutes(1)),
            Optional.of(Duration.ofSeconds(90)),
            Optional.of(5),
            Optional.of("result[0] < 0.5"),
            Optional.empty(),
            2,
            1,
            3,
            false,
            Metrics.SCRAPE);

    MetricRun run = MetricRun.start(delayed, T0);
    assertThat(run.nextMeasurementAt()).contains(T0.plusSeconds(90));
    run = run.record(new Measurement.Value(T0.plusSeconds(91), List.of(0.1)));
    assertThat(run.nextMeasurementAt()).contains(T0.plusSeconds(151));
    run = run.record(new Measurement.QueryError(T0.plusSeconds(151), "timeout"));
    assertThat(run.nextMeasurementAt()).contains(T0.plusSeconds(161));
  }

  @Test
  void a_finished_metric_takes_no_more_measurements() {
    MetricRun failed = MetricRun.start(errorRate(0, 0), T0).record(value(0, 0.9));

    assertThat(failed.nextMeasurementAt()).isEmpty();
    assertThatThrownBy(() -> failed.record(value(1, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("error-rate is FAILED");
  }

  @Test
  void every_measurement_is_kept_with_its_phase_and_why() {
    MetricRun run = MetricRun.start(errorRate(1, 1), T0).record(value(0, 0.07)).record(noData(1));

    assertThat(run.measurements()).extracting(Judged::phase).containsExactly(FAILED, INCONCLUSIVE);
    assertThat(run.measurements().get(0).message())
        .isEqualTo("result [0.07]; success: result[0] < 0.01; failure: result[0] >= 0.05");
    assertThat(run.measurements().get(1).message()).isEqualTo("no data: no instance has samples");
  }
}
