package dev.sextant.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The service started as a real process and asked over HTTP on loopback. */
class SampleServiceTest {

  @Test
  void root_says_hello_with_its_version_and_health_is_ok() throws Exception {
    try (var sample = SampleProcess.start("--version", "1.0.0")) {
      HttpResponse<String> root = sample.get("/");
      HttpResponse<String> health = sample.get("/healthz");

      assertThat(root.statusCode()).isEqualTo(200);
      assertThat(root.body()).isEqualTo("hello from sample 1.0.0\n");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");
      assertThat(sample.get("/nothing-here").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void a_bad_version_fails_exactly_its_error_rate_and_its_metrics_say_so() throws Exception {
    try (var sample = SampleProcess.start("--version", "1.1.0", "--error-rate", "0.25")) {
      List<Integer> codes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        codes.add(sample.get("/").statusCode());
      }
      HttpResponse<String> scrape = sample.get("/metrics");
      Map<String, Double> metrics = Exposition.parse(scrape.body());

      assertThat(codes).filteredOn(c -> c == 500).hasSize(10);
      assertThat(codes).filteredOn(c -> c == 200).hasSize(30);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics)
          .containsEntry("sample_requests_total{version=\"1.1.0\",code=\"200\"}", 30.0)
          .containsEntry("sample_requests_total{version=\"1.1.0\",code=\"500\"}", 10.0)
          .containsEntry("sample_request_duration_seconds_count{version=\"1.1.0\"}", 40.0)
          .containsEntry(
              "sample_request_duration_seconds_bucket{version=\"1.1.0\",le=\"+Inf\"}", 40.0)
          .containsEntry("sample_requests_in_flight{version=\"1.1.0\"}", 0.0)
          .containsEntry("sample_build_info{version=\"1.1.0\"}", 1.0);
    }
  }

  @Test
  void the_latency_flag_slows_every_request_and_the_histogram_shows_it() throws Exception {
    try (var sample = SampleProcess.start("--version", "slow", "--latency", "150ms")) {
      for (int i = 0; i < 3; i++) {
        long started = System.nanoTime();
        assertThat(sample.get("/").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isGreaterThanOrEqualTo(Duration.ofMillis(150));
      }
      Map<String, Double> metrics = Exposition.parse(sample.get("/metrics").body());

      assertThat(metrics)
          .containsEntry("sample_request_duration_seconds_bucket{version=\"slow\",le=\"0.1\"}", 0.0)
          .containsEntry("sample_request_duration_seconds_count{version=\"slow\"}", 3.0);
      assertThat(metrics.get("sample_request_duration_seconds_sum{version=\"slow\"}"))
          .isGreaterThanOrEqualTo(0.45);
    }
  }

  @Test
  void health_answers_503_until_ready_after_has_passed() throws Exception {
    long started = System.nanoTime();
    try (var sample = SampleProcess.start("--ready-after", "2s")) {
      HttpResponse<String> early = sample.get("/healthz");
      Duration earlyAt = Duration.ofNanos(System.nanoTime() - started);
      HttpResponse<String> later = early;
      while (later.statusCode() == 503
          && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20) {
        Thread.sleep(50); // a real process on the wall clock: nothing to drive but time
        later = sample.get("/healthz");
      }
      Duration readyAt = Duration.ofNanos(System.nanoTime() - started);

      assertThat(earlyAt).isLessThan(Duration.ofSeconds(2));
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.body()).isEqualTo("starting\n");
      assertThat(later.statusCode()).isEqualTo(200);
      assertThat(readyAt).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void sigterm_lets_the_request_in_flight_finish_then_stops() throws Exception {
    try (var sample = SampleProcess.start("--version", "dev", "--latency", "1s")) {
      var inFlight = sample.getLater("/");
      awaitInFlight(sample, "dev", inFlight);

      SampleProcess.Ended ended = sample.terminate();

      assertThat(inFlight.join().statusCode()).isEqualTo(200);
      assertThat(ended.stdout()).isEqualTo("stopped\n");
      assertThat(ended.exitCode()).isEqualTo(143); // 128 + SIGTERM, as the JVM reports it
      assertThat(ended.stderr()).isEmpty();
    }
  }

  /** Waits until the service holds a request, so the signal lands while it is being answered. */
  private static void awaitInFlight(
      SampleProcess sample, String version, CompletableFuture<?> request) throws Exception {
    String gauge = "sample_requests_in_flight{version=\"" + version + "\"}";
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (Exposition.parse(sample.get("/metrics").body()).get(gauge) < 1) {
      assertThat(request).as("the request, still in flight").isNotDone();
      assertThat(System.nanoTime()).as("a request in flight within 20s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void a_bad_flag_exits_2_with_its_reason_and_no_stack_trace() throws Exception {
    SampleProcess.Ended ended = SampleProcess.run("--error-rate", "2");

    assertThat(ended.exitCode()).isEqualTo(2);
    assertThat(ended.stdout()).isEmpty();
    assertThat(ended.stderr())
        .isEqualTo(
            "sample: --error-rate must be from 0.0 to 1.0, not '2'\nrun with --help for the flags\n");
  }

  @Test
  void help_anywhere_lists_the_flags_and_exits_0() throws Exception {
    SampleProcess.Ended ended = SampleProcess.run("--port", "1", "--help");

    assertThat(ended.exitCode()).isZero();
    assertThat(ended.stdout())
        .contains("--port", "--version", "--error-rate", "--seed", "--latency ")
        .contains("--latency-jitter", "--ready-after");
  }
}
