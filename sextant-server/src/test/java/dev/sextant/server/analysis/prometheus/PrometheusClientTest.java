package dev.sextant.server.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.secret.SecretRef;
import dev.sextant.server.secret.Secrets;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client reads every shape of Prometheus' answers and says why when there is none. */
class PrometheusClientTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final Secrets SECRETS = new Secrets(Map.of("PROM_TOKEN", "s3cret-token"));

  private final RecordedPrometheus prometheus = new RecordedPrometheus();

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private PrometheusClient client(URI address, Optional<SecretRef> token) {
    return new PrometheusClient(
        address, token, SECRETS, PrometheusClient.http(), Duration.ofSeconds(3));
  }

  private PrometheusClient client() {
    return client(prometheus.address(), Optional.empty());
  }

  @Test
  void an_instant_query_sends_its_time_and_timeout_and_reads_a_vector_sorted_by_labels() {
    prometheus.succeeds(
        "vector",
        """
        [{"metric":{"track":"canary"},"value":[1796551200.5,"0.25"]},
         {"metric":{"track":"baseline"},"value":[1796551200.5,"+Inf"]}]""");

    QueryResult result = client().query("sum by (track) (x{a=\"b\"})", T0);

    assertThat(prometheus.path()).isEqualTo("/api/v1/query");
    assertThat(prometheus.params())
        .containsEntry("query", "sum by (track) (x{a=\"b\"})")
        .containsEntry("time", "1796551200.000")
        .containsEntry("timeout", "3.000");
    Instant at = Instant.parse("2026-12-06T10:00:00.500Z");
    assertThat(result)
        .isEqualTo(
            new QueryResult.Vector(
                List.of(
                    new QueryResult.Sample(
                        Map.of("track", "baseline"), at, Double.POSITIVE_INFINITY),
                    new QueryResult.Sample(Map.of("track", "canary"), at, 0.25))));
  }

  @Test
  void a_range_query_sends_start_end_and_step_and_reads_a_series_per_label_set() {
    prometheus.succeeds(
        "matrix",
        """
        [{"metric":{"track":"canary"},"values":[[1796551200,"1"],[1796551210,"NaN"]]},
         {"metric":{"track":"baseline"},"values":[[1796551200,"-Inf"]]}]""");

    QueryResult.Matrix matrix =
        client().queryRange("up", T0, T0.plusSeconds(10), Duration.ofMillis(2500));

    assertThat(prometheus.path()).isEqualTo("/api/v1/query_range");
    assertThat(prometheus.params())
        .containsEntry("start", "1796551200.000")
        .containsEntry("end", "1796551210.000")
        .containsEntry("step", "2.500");
    assertThat(matrix.series())
        .extracting(s -> s.labels().get("track"))
        .containsExactly("baseline", "canary");
    assertThat(matrix.series().get(0).values()).containsExactly(Double.NEGATIVE_INFINITY);
    assertThat(matrix.series().get(1).points())
        .containsExactly(
            new QueryResult.Point(T0, 1.0), new QueryResult.Point(T0.plusSeconds(10), Double.NaN));
  }

  @Test
  void a_scalar_and_a_string_are_read_as_such() {
    prometheus.succeeds("scalar", "[1796551200,\"2\"]");
    assertThat(client().query("1 + 1", T0)).isEqualTo(new QueryResult.Scalar(T0, 2.0));

    prometheus.succeeds("string", "[1796551200,\"hello\"]");
    assertThat(client().query("\"hello\"", T0)).isEqualTo(new QueryResult.Text(T0, "hello"));
  }

  @Test
  void a_refused_query_is_an_error_with_prometheus_own_words() {
    prometheus.answers(
        400,
        """
        {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": \
        1:5: parse error: unclosed left parenthesis"}""");

    assertThatThrownBy(() -> client().query("sum(x", T0))
        .isInstanceOfSatisfying(
            PrometheusQueryException.class,
            e -> assertThat(e.kind()).isEqualTo(PrometheusQueryException.Kind.REFUSED))
        .hasMessage(
            "Prometheus at "
                + prometheus.address()
                + " refused the query (HTTP 400, bad_data): invalid parameter \"query\":"
                + " 1:5: parse error: unclosed left parenthesis");
  }

  @Test
  void a_query_prometheus_cannot_execute_or_that_timed_out_is_an_error_saying_so() {
    prometheus.answers(
        422,
        "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching"
            + " not allowed\"}");
    assertThatThrownBy(() -> client().query("a / b", T0))
        .hasMessageEndingWith("(HTTP 422, execution): many-to-many matching not allowed");

    prometheus.answers(
        503,
        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in query"
            + " execution\"}");
    assertThatThrownBy(() -> client().query("a", T0))
        .hasMessageEndingWith("(HTTP 503, timeout): query timed out in query execution");
  }

  @Test
  void an_answer_that_is_not_prometheus_json_names_the_status_without_repeating_the_body() {
    prometheus.answers(502, "<html>Bad gateway for Bearer abc</html>");

    assertThatThrownBy(() -> client().query("up", T0))
        .isInstanceOfSatisfying(
            PrometheusQueryException.class,
            e -> assertThat(e.kind()).isEqualTo(PrometheusQueryException.Kind.MALFORMED))
        .hasMessage(
            "Prometheus at " + prometheus.address() + " answered HTTP 502, not its API's JSON");

    prometheus.succeeds("histogram", "[]");
    assertThatThrownBy(() -> client().query("up", T0))
        .hasMessageEndingWith("answered a result of unknown type 'histogram'");
  }

  @Test
  void an_unreachable_prometheus_is_named_by_its_address_without_credentials() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI address = URI.create("http://admin:hunter2@127.0.0.1:" + port + "/prom?token=abc");

    assertThatThrownBy(() -> client(address, Optional.empty()).query("up", T0))
        .isInstanceOfSatisfying(
            PrometheusQueryException.class,
            e -> assertThat(e.kind()).isEqualTo(PrometheusQueryException.Kind.UNREACHABLE))
        .hasMessageStartingWith("cannot reach Prometheus at http://127.0.0.1:" + port + "/prom: ")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("abc");
  }

  @Test
  void the_bearer_token_is_read_at_each_query_and_goes_only_into_the_header() {
    prometheus.answers(
        401, "{\"status\":\"error\",\"errorType\":\"unauthorized\",\"error\":\"bad token\"}");

    PrometheusClient client =
        client(prometheus.address(), Optional.of(SecretRef.parse("env:PROM_TOKEN")));

    assertThatThrownBy(() -> client.query("up", T0)).hasMessageNotContaining("s3cret-token");
    assertThat(prometheus.authorization()).contains("Bearer s3cret-token");
  }

  @Test
  void a_token_that_cannot_be_read_is_an_error_naming_its_reference() {
    PrometheusClient client =
        client(prometheus.address(), Optional.of(SecretRef.parse("env:NO_SUCH_TOKEN")));

    assertThatThrownBy(() -> client.query("up", T0))
        .hasMessageStartingWith(
            "cannot read the bearer token for Prometheus at " + prometheus.address() + ": ")
        .hasMessageContaining("env:NO_SUCH_TOKEN");
  }

  @Test
  void an_address_that_is_not_an_http_url_is_refused_without_repeating_credentials() {
    assertThatThrownBy(() -> client(URI.create("ftp://user:pw@prom:21/x"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
  }
}
