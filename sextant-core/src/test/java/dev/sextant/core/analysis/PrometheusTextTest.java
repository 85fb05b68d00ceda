package dev.sextant.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  // As Micrometer's Prometheus registry writes a JDK service's /metrics (trimmed).
  static final String MICROMETER =
      """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space",} 2.5165824E7
      jvm_memory_used_bytes{area="nonheap",id="CodeHeap 'non-nmethods'",} 1284608.0
      # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
      # TYPE process_cpu_seconds_total counter
      process_cpu_seconds_total 4.21
      # HELP http_server_requests_seconds Duration of HTTP server request handling
      # TYPE http_server_requests_seconds histogram
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/",le="0.005",} 10.0
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/",le="0.01",} 25.0
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/",le="0.1",} 30.0
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/",le="+Inf",} 31.0
      http_server_requests_seconds_count{method="GET",status="200",uri="/",} 31.0
      http_server_requests_seconds_sum{method="GET",status="200",uri="/",} 0.512
      # HELP jvm_gc_pause_seconds_max Time spent in GC pause
      # TYPE jvm_gc_pause_seconds_max gauge
      jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",} NaN
      """;

  @Test
  void reads_micrometer_text_with_types_labels_and_a_trailing_comma() {
    Exposition exposition = PrometheusText.parse(MICROMETER);

    assertThat(exposition.samples()).hasSize(10);
    assertThat(exposition.type("process_cpu_seconds_total")).contains("counter");
    assertThat(exposition.type("http_server_requests_seconds")).contains("histogram");
    Sample heap = exposition.samples().get(0);
    assertThat(heap.name()).isEqualTo("jvm_memory_used_bytes");
    assertThat(heap.labels())
        .containsExactly(Map.entry("area", "heap"), Map.entry("id", "G1 Eden Space"));
    assertThat(heap.value()).isEqualTo(2.5165824E7);
    assertThat(exposition.samples().get(1).labels()).containsEntry("id", "CodeHeap 'non-nmethods'");
    assertThat(exposition.samples().get(6).labels()).containsEntry("le", "+Inf");
    assertThat(exposition.samples().get(9).value()).isNaN();
  }

  @Test
  void reads_escaped_label_values_timestamps_and_infinities() {
    Exposition exposition =
        PrometheusText.parse(
            "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n"
                + "  http_requests_total { method = \"post\" , code=\"200\" } 1027 1395066363000\n"
                + "# a comment, not HELP or TYPE\n"
                + "\n"
                + "temperature\t-Inf\n"
                + "ceiling +Inf\r\n"
                + "rpc_duration_seconds{quantile=\"0.99\"} .5e-1\n");

    assertThat(exposition.samples()).hasSize(5);
    assertThat(exposition.samples().get(0).labels())
        .containsEntry("path", "C:\\DIR\\FILE.TXT")
        .containsEntry("error", "Cannot find file:\n\"FILE.TXT\"");
    Sample requests = exposition.samples().get(1);
    assertThat(requests.labels()).containsEntry("method", "post").containsEntry("code", "200");
    assertThat(requests.value()).isEqualTo(1027);
    assertThat(requests.timestampMillis()).contains(1395066363000L);
    assertThat(exposition.samples().get(0).timestampMillis()).isEqualTo(Optional.empty());
    assertThat(exposition.samples().get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(exposition.samples().get(3).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(exposition.samples().get(4).value()).isEqualTo(0.05);
  }

  @Test
  void empty_text_has_no_samples() {
    assertThat(PrometheusText.parse("").samples()).isEmpty();
    assertThat(PrometheusText.parse("# HELP x nothing yet\n# TYPE x counter\n").samples())
        .isEmpty();
  }

  @Test
  void malformed_lines_are_refused_with_their_line_number() {
    assertMalformed("ok 1\nbad{le=\"1\" 2\n", 2, "expected ',' or '}'");
    assertMalformed("ok 1\n\nno_value\n", 3, "no value after no_value");
    assertMalformed("x 1.5d\n", 1, "'1.5d' is not a sample value");
    assertMalformed("x 0x1p3\n", 1, "is not a sample value");
    assertMalformed("x 1 2 3\n", 1, "more than a value and a timestamp");
    assertMalformed("x 1 12.5\n", 1, "not a timestamp");
    assertMalformed("x{a=\"unclosed} 1\n", 1, "not closed");
    assertMalformed("x{a=\"\\t\"} 1\n", 1, "not an escape");
    assertMalformed("x{a=\"1\",a=\"2\"} 1\n", 1, "appears twice");
    assertMalformed("x{1a=\"1\"} 1\n", 1, "expected a label name");
    assertMalformed("9x 1\n", 1, "expected a metric name");
    assertMalformed("# TYPE x countr\n", 1, "'countr' is not a metric type");
    assertMalformed("# TYPE x counter\n# TYPE x gauge\n", 2, "a second # TYPE");
    assertMalformed("<html><body>Not Found</body></html>\n", 1, "expected a metric name");
  }

  private static void assertMalformed(String text, int line, String problem) {
    assertThatThrownBy(() -> PrometheusText.parse(text))
        .isInstanceOf(MalformedExpositionException.class)
        .hasMessageStartingWith("line " + line + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((MalformedExpositionException) e).line()).isEqualTo(line));
  }

  @Test
  void any_mangling_of_real_text_parses_or_is_refused_with_a_line_never_anything_else() {
    java.util.Random random = new java.util.Random(20);
    String alphabet = "{}=\",\\ \t\n#+-.eE0123456789NaInf_le";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder(MICROMETER);
      for (int edits = random.nextInt(4) + 1; edits > 0; edits--) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
          text.deleteCharAt(at);
        } else {
          text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      try {
        PrometheusText.parse(text.toString());
      } catch (MalformedExpositionException refused) {
        assertThat(refused.line()).isBetween(1, text.toString().split("\n", -1).length);
      }
    }
  }
}
