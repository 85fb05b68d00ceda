package dev.sextant.server.analysis;

import static dev.sextant.core.analysis.AnalysisPhase.ERROR;
import static dev.sextant.core.analysis.AnalysisPhase.FAILED;
import static dev.sextant.core.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.sextant.core.analysis.AnalysisPhase.RUNNING;
import static dev.sextant.core.analysis.AnalysisPhase.SUCCESSFUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.analysis.AnalysisPhase;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.store.SettableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnalysisRunnerTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  private final HttpClient client = ScrapeProvider.client();
  private final SettableClock clock = new SettableClock(T0);
  private final CanaryInstance canary;

  AnalysisRunnerTest() throws IOException {
    canary = new CanaryInstance();
  }

  @AfterEach
  void stop() {
    canary.close();
  }

  /**
   * Server errors per second of the canary, the code given as an argument: passes below 0.5/s,
   * fails at 1/s; three measurements a minute apart after a minute's delay.
   */
  private static AnalysisTemplateSpec errorsPerSecond(int consecutiveErrorLimit) {
    Metric metric =
        new Metric(
            "server-errors",
            Optional.of(MINUTE),
            Optional.of(MINUTE),
            Optional.of(3),
            Optional.of("result[0] < 0.5"),
            Optional.of("result[0] >= 1"),
            0,
            0,
            consecutiveErrorLimit,
            false,
            new Provider.Scrape(
                "/metrics",
                Optional.empty(),
                "http_requests_total",
                Map.of("code", "{{args.error-code}}")));
    return new AnalysisTemplateSpec(
        "",
        List.of(new AnalysisTemplateSpec.Arg("error-code", Optional.of("500"))),
        List.of(metric),
        Optional.empty(),
        Optional.empty());
  }

  private AnalysisRunner start(AnalysisTemplateSpec template, List<Argument> args) {
    return AnalysisRunner.start(
        template,
        args,
        new RolloutSources(
            List.of(canary.base()),
            List.of(),
            Optional.empty(),
            new Secrets(Map.of()),
            client,
            clock),
        T0);
  }

  /** Moves to when the runner is next due and measures, after the canary served some requests. */
  private AnalysisTick tick(AnalysisRunner runner, long requests, long errors) {
    clock.advance(Duration.between(clock.instant(), runner.nextDue().orElseThrow()));
    canary.requests(requests, errors);
    return runner.measure(clock.instant());
  }

  @Test
  void a_healthy_canary_passes_after_count_measurements() {
    AnalysisRunner runner = start(errorsPerSecond(4), List.of());
    assertThat(runner.nextDue()).contains(T0.plus(MINUTE));
    assertThat(runner.measure(T0).judged()).as("nothing is due before the delay").isEmpty();

    List<AnalysisPhase> phases = new ArrayList<>();
    AnalysisTick last = null;
    for (int i = 0; i < 3; i++) {
      last = tick(runner, 6_000, 6);
      phases.add(last.phase());
      assertThat(last.judged())
          .singleElement()
          .satisfies(j -> assertThat(j.metric()).isEqualTo("server-errors"));
      assertThat(last.judged().get(0).judged().phase()).isEqualTo(SUCCESSFUL);
    }
    assertThat(phases).containsExactly(RUNNING, RUNNING, SUCCESSFUL);
    assertThat(last.verdict()).contains(RolloutEvent.Verdict.SUCCESSFUL);
    assertThat(runner.nextDue()).isEmpty();
    assertThat(runner.state().metrics().get(0).measurements()).hasSize(3);
  }

  @Test
  void an_erroring_canary_fails_at_its_first_failed_measurement() {
    AnalysisRunner runner = start(errorsPerSecond(4), List.of());
    assertThat(tick(runner, 6_000, 6).phase()).isEqualTo(RUNNING);
    AnalysisTick failed = tick(runner, 6_000, 600);
    assertThat(failed.phase()).isEqualTo(FAILED);
    assertThat(failed.verdict()).contains(RolloutEvent.Verdict.FAILED);
    assertThat(failed.judged().get(0).judged().message()).contains("result [10.0]");
    assertThat(runner.nextDue()).isEmpty();
  }

  @Test
  void arguments_fill_the_template_and_override_its_defaults() {
    AnalysisRunner runner = start(errorsPerSecond(4), List.of(new Argument("error-code", "200")));
    // Now it counts the 200s, 100 a second, far above the failure condition.
    assertThat(tick(runner, 6_000, 0).phase()).isEqualTo(FAILED);
  }

  @Test
  void an_argument_without_a_value_is_refused_when_the_analysis_starts() {
    AnalysisTemplateSpec template = errorsPerSecond(4);
    AnalysisTemplateSpec noDefault =
        new AnalysisTemplateSpec(
            "",
            List.of(new AnalysisTemplateSpec.Arg("error-code", Optional.empty())),
            template.metrics(),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> start(noDefault, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{args.error-code}}");
  }

  @Test
  void
      an_instance_serving_a_404_or_garbage_is_an_error_with_the_reason_and_an_empty_page_no_data() {
    AnalysisRunner runner = start(errorsPerSecond(2), List.of());
    canary.serve(404, "");
    clock.advance(MINUTE);
    AnalysisTick first = runner.measure(clock.instant());
    assertThat(first.phase()).isEqualTo(RUNNING);
    assertThat(first.judged().get(0).judged().phase()).isEqualTo(ERROR);
    assertThat(first.judged().get(0).judged().message()).contains("HTTP 404");
    // An error is tried again ten seconds later, not a whole interval.
    assertThat(runner.nextDue()).contains(clock.instant().plusSeconds(10));

    canary.serve(200, "this is { not prometheus");
    clock.advance(Duration.ofSeconds(10));
    AnalysisTick second = runner.measure(clock.instant());
    assertThat(second.judged().get(0).judged().message())
        .contains("not the Prometheus text format");
    assertThat(second.phase()).isEqualTo(RUNNING);

    canary.serve(200, "");
    clock.advance(Duration.ofSeconds(10));
    AnalysisTick third = runner.measure(clock.instant());
    // An empty page parses but exposes nothing: no data, not an error; the error run is broken.
    assertThat(third.judged().get(0).judged().phase()).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void a_canary_that_stays_down_ends_the_analysis_in_error() {
    AnalysisRunner runner = start(errorsPerSecond(2), List.of());
    canary.close();
    List<AnalysisPhase> phases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.between(clock.instant(), runner.nextDue().orElseThrow()));
      phases.add(runner.measure(clock.instant()).phase());
    }
    assertThat(phases).containsExactly(RUNNING, RUNNING, ERROR);
    assertThat(runner.state().phase()).isEqualTo(ERROR);
    assertThat(runner.nextDue()).isEmpty();
  }

  @Test
  void no_samples_are_inconclusive_never_successful() {
    AnalysisRunner runner = start(errorsPerSecond(4), List.of(new Argument("error-code", "503")));
    AnalysisTick tick = tick(runner, 6_000, 60);
    assertThat(tick.phase()).isEqualTo(INCONCLUSIVE);
    assertThat(tick.verdict()).contains(RolloutEvent.Verdict.INCONCLUSIVE);
    assertThat(tick.judged().get(0).judged().message()).startsWith("no data");
  }

  @Test
  void a_prometheus_metric_without_a_prometheus_to_ask_is_an_error_not_a_crash() {
    Metric metric = errorsPerSecond(0).metrics().get(0);
    Metric prometheus =
        new Metric(
            metric.name(),
            metric.interval(),
            Optional.empty(),
            metric.count(),
            metric.successCondition(),
            metric.failureCondition(),
            0,
            0,
            0,
            false,
            new Provider.Prometheus(Optional.empty(), Optional.empty(), "up"));
    AnalysisRunner runner =
        start(
            new AnalysisTemplateSpec(
                "", List.of(), List.of(prometheus), Optional.empty(), Optional.empty()),
            List.of());
    AnalysisTick tick = runner.measure(T0);
    assertThat(tick.phase()).isEqualTo(ERROR);
    assertThat(tick.judged().get(0).judged().message())
        .contains("needs an address: the server has no Prometheus of its own");
  }
}
