package dev.sextant.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.analysis.prometheus.RecordedPrometheus;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.store.SettableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each shape of Prometheus' answer makes the measurement it means; no data is never zero. */
class PrometheusProviderTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final RecordedPrometheus prometheus = new RecordedPrometheus();
  private final SettableClock clock = new SettableClock(T0);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private Measurement measure(String query) {
    return PrometheusProvider.of(
            new Provider.Prometheus(Optional.empty(), Optional.empty(), query),
            Optional.of(prometheus.address()),
            new Secrets(Map.of()),
            http,
            clock)
        .measure();
  }

  @Test
  void a_vector_gives_every_series_value_in_the_order_of_their_labels_at_the_clock_time() {
    prometheus.succeeds(
        "vector",
        """
        [{"metric":{"track":"canary"},"value":[1796551200,"0.3"]},
         {"metric":{"track":"baseline"},"value":[1796551200,"0.01"]}]""");

    assertThat(measure("errors")).isEqualTo(new Measurement.Value(T0, List.of(0.01, 0.3)));
    assertThat(prometheus.params()).containsEntry("time", "1796551200.000");
  }

  @Test
  void a_scalar_gives_its_value() {
    prometheus.succeeds("scalar", "[1796551200,\"42\"]");

    assertThat(measure("scalar(x)")).isEqualTo(new Measurement.Value(T0, List.of(42.0)));
  }

  @Test
  void an_empty_result_is_no_data_never_zero() {
    prometheus.succeeds("vector", "[]");

    assertThat(measure("rate(missing[1m])"))
        .isEqualTo(new Measurement.NoData(T0, "no series matched rate(missing[1m])"));
  }

  @Test
  void a_nan_anywhere_is_no_data_naming_the_series() {
    prometheus.succeeds(
        "vector",
        """
        [{"metric":{"track":"canary"},"value":[1796551200,"NaN"]},
         {"metric":{"track":"baseline"},"value":[1796551200,"0"]}]""");

    assertThat(measure("ratio"))
        .isEqualTo(
            new Measurement.NoData(
                T0, "ratio is NaN for {track=\"canary\"} (0/0: nothing in its window?)"));

    prometheus.succeeds("scalar", "[1796551200,\"NaN\"]");
    assertThat(measure("scalar(ratio)")).isInstanceOf(Measurement.NoData.class);
  }

  @Test
  void infinity_is_a_value_to_judge() {
    prometheus.succeeds("vector", "[{\"metric\":{},\"value\":[1796551200,\"+Inf\"]}]");

    assertThat(measure("errors / successes"))
        .isEqualTo(new Measurement.Value(T0, List.of(Double.POSITIVE_INFINITY)));
  }

  @Test
  void a_range_or_a_string_is_an_error_saying_what_a_metric_needs() {
    prometheus.succeeds(
        "matrix", "[{\"metric\":{},\"values\":[[1796551200,\"1\"],[1796551201,\"2\"]]}]");
    assertThat(measure("up[1m]"))
        .isEqualTo(
            new Measurement.QueryError(
                T0,
                "up[1m] gives a matrix, not a value per series: use a function over the range,"
                    + " such as rate(…[5m]) or last_over_time(…[5m])"));

    prometheus.succeeds("string", "[1796551200,\"hi\"]");
    assertThat(measure("\"hi\"")).isInstanceOf(Measurement.QueryError.class);
  }

  @Test
  void a_refusal_is_an_error_with_prometheus_message() {
    prometheus.answers(
        400,
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error:"
            + " unclosed left parenthesis\"}");

    assertThat(measure("sum(x"))
        .isEqualTo(
            new Measurement.QueryError(
                T0,
                "Prometheus at "
                    + prometheus.address()
                    + " refused the query (HTTP 400, bad_data): 1:5: parse error: unclosed left"
                    + " parenthesis"));
  }

  @Test
  void the_metric_address_comes_before_the_server_one_and_one_of_them_is_needed() {
    prometheus.succeeds("scalar", "[1796551200,\"1\"]");
    Provider.Prometheus own =
        new Provider.Prometheus(
            Optional.of(prometheus.address().toString()), Optional.empty(), "1");
    assertThat(
            PrometheusProvider.of(
                    own,
                    Optional.of(URI.create("http://127.0.0.1:1")),
                    new Secrets(Map.of()),
                    http,
                    clock)
                .measure())
        .isEqualTo(new Measurement.Value(T0, List.of(1.0)));

    assertThatThrownBy(
            () ->
                PrometheusProvider.of(
                    new Provider.Prometheus(Optional.empty(), Optional.empty(), "1"),
                    Optional.empty(),
                    new Secrets(Map.of()),
                    http,
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an address");
  }
}
