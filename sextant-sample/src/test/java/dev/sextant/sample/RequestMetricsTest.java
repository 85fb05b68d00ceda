package dev.sextant.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  @Test
  void a_fresh_service_exposes_zero_counters_for_both_codes_an_empty_histogram_and_its_version() {
    var metrics = new RequestMetrics("1.0.0");

    assertThat(metrics.exposition())
        .isEqualTo(
            """
            # HELP sample_requests_total Requests to / by response code.
            # TYPE sample_requests_total counter
            sample_requests_total{version="1.0.0",code="200"} 0
            sample_requests_total{version="1.0.0",code="500"} 0
            # HELP sample_request_duration_seconds Time to answer a request to /, latency included.
            # TYPE sample_request_duration_seconds histogram
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.005"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.01"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.025"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.05"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.1"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.25"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="0.5"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="1.0"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="2.5"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="5.0"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="10.0"} 0
            sample_request_duration_seconds_bucket{version="1.0.0",le="+Inf"} 0
            sample_request_duration_seconds_sum{version="1.0.0"} 0.0
            sample_request_duration_seconds_count{version="1.0.0"} 0
            # HELP sample_requests_in_flight Requests to / being answered now.
            # TYPE sample_requests_in_flight gauge
            sample_requests_in_flight{version="1.0.0"} 0
            # HELP sample_build_info The version this service was started as.
            # TYPE sample_build_info gauge
            sample_build_info{version="1.0.0"} 1
            """);
  }

  @Test
  void each_observation_counts_in_every_bucket_at_or_above_it_and_its_code() {
    var metrics = new RequestMetrics("2.0.0");
    for (int i = 0; i < 4; i++) {
      metrics.arrived();
    }
    metrics.observe(200, Duration.ofMillis(5)); // on a bound: le is "less or equal"
    metrics.observe(200, Duration.ofMillis(30));
    metrics.observe(500, Duration.ofMillis(300));
    metrics.observe(200, Duration.ofSeconds(11));

    Map<String, Double> samples = Exposition.parse(metrics.exposition());

    assertThat(samples)
        .containsEntry("sample_requests_total{version=\"2.0.0\",code=\"200\"}", 3.0)
        .containsEntry("sample_requests_total{version=\"2.0.0\",code=\"500\"}", 1.0)
        .containsEntry(bucket("2.0.0", "0.005"), 1.0)
        .containsEntry(bucket("2.0.0", "0.025"), 1.0)
        .containsEntry(bucket("2.0.0", "0.05"), 2.0)
        .containsEntry(bucket("2.0.0", "0.25"), 2.0)
        .containsEntry(bucket("2.0.0", "0.5"), 3.0)
        .containsEntry(bucket("2.0.0", "10.0"), 3.0)
        .containsEntry(bucket("2.0.0", "+Inf"), 4.0)
        .containsEntry("sample_request_duration_seconds_count{version=\"2.0.0\"}", 4.0)
        .containsEntry("sample_requests_in_flight{version=\"2.0.0\"}", 0.0)
        .containsEntry("sample_build_info{version=\"2.0.0\"}", 1.0);
    assertThat(samples.get("sample_request_duration_seconds_sum{version=\"2.0.0\"}"))
        .isCloseTo(11.335, offset(1e-9));
  }

  @Test
  void requests_that_arrived_and_are_not_answered_yet_are_in_flight() {
    var metrics = new RequestMetrics("1");
    metrics.arrived();
    metrics.arrived();
    metrics.observe(200, Duration.ofMillis(1));

    assertThat(Exposition.parse(metrics.exposition()))
        .containsEntry("sample_requests_in_flight{version=\"1\"}", 1.0)
        .containsEntry("sample_request_duration_seconds_count{version=\"1\"}", 1.0);
  }

  @Test
  void a_code_other_than_200_and_500_gets_its_own_counter() {
    var metrics = new RequestMetrics("1");
    metrics.arrived();
    metrics.observe(503, Duration.ofMillis(1));

    assertThat(Exposition.parse(metrics.exposition()))
        .containsEntry("sample_requests_total{version=\"1\",code=\"503\"}", 1.0);
  }

  @Test
  void quotes_and_backslashes_in_the_version_are_escaped_as_the_format_requires() {
    var metrics = new RequestMetrics("a\"b\\c");

    assertThat(metrics.exposition()).contains("sample_build_info{version=\"a\\\"b\\\\c\"} 1\n");
    assertThat(Exposition.parse(metrics.exposition())).hasSize(18);
  }

  @Test
  void the_test_reader_refuses_what_the_format_does_not_allow() {
    assertThatThrownBy(() -> Exposition.parse("x 1\n")).hasMessageContaining("before its TYPE");
    assertThatThrownBy(() -> Exposition.parse("# TYPE x gauge\nx{a=\"\n\"} 1\n"))
        .hasMessageContaining("not a line");
    assertThatThrownBy(() -> Exposition.parse("# TYPE x gauge\nx 1"))
        .hasMessageContaining("line feed");
  }

  private static String bucket(String version, String le) {
    return "sample_request_duration_seconds_bucket{version=\"" + version + "\",le=\"" + le + "\"}";
  }
}
