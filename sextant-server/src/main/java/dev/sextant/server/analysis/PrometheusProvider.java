package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.analysis.prometheus.PrometheusClient;
import dev.sextant.server.analysis.prometheus.PrometheusQueryException;
import dev.sextant.server.analysis.prometheus.QueryResult;
import dev.sextant.server.secret.SecretResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Prometheus provider: a PromQL instant query at the measurement's time, its answer made a
 * measurement. A vector gives one value per series, in the order of their labels, so {@code
 * result[0]} is the same series each time; a scalar gives its one value.
 *
 * <p>Nothing to judge is no data, never zero or a pass: an empty result ({@code result: []}, no
 * series matched) and a NaN, which is what PromQL gives for 0/0, such as an error ratio over a
 * window without requests. Any NaN makes the whole measurement no data rather than dropping that
 * series, which would shift the others' places in {@code result}. ±Inf is a value (errors over no
 * successes) and is judged as one. A string or a range of samples (a matrix, from a selector such
 * as {@code x[5m]}) cannot be judged and is an error saying so, as is anything Prometheus refused.
 */
public final class PrometheusProvider implements MeasurementSource {
  private final PrometheusClient client;
  private final String query;
  private final Clock clock;

  public PrometheusProvider(PrometheusClient client, String query, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.query = Objects.requireNonNull(query, "query");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The provider an AnalysisTemplate's prometheus metric describes: its address, else {@code
   * serverPrometheus}, the Prometheus the server was given; its bearer token resolved by {@code
   * secrets} at each query.
   *
   * @throws IllegalArgumentException when neither gives an address, or the address is no http URL
   */
  public static PrometheusProvider of(
      Provider.Prometheus prometheus,
      Optional<URI> serverPrometheus,
      SecretResolver secrets,
      HttpClient http,
      Clock clock) {
    return new PrometheusProvider(
        client(prometheus, serverPrometheus, secrets, http), prometheus.query(), clock);
  }

  /**
   * The client of the Prometheus a metric names, else of {@code serverPrometheus}.
   *
   * @throws IllegalArgumentException when neither gives an address, or the address is no http URL
   */
  public static PrometheusClient client(
      Provider.Prometheus prometheus,
      Optional<URI> serverPrometheus,
      SecretResolver secrets,
      HttpClient http) {
    URI address =
        prometheus
            .address()
            .map(PrometheusProvider::address)
            .or(() -> serverPrometheus)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a prometheus metric needs an address: the server has no Prometheus of"
                            + " its own"));
    return new PrometheusClient(
        address, prometheus.bearerToken(), secrets, http, PrometheusClient.TIMEOUT);
  }

  @Override
  public Measurement measure() {
    Instant at = clock.instant();
    try {
      return measurement(at, client.query(query, at));
    } catch (PrometheusQueryException e) {
      return new Measurement.QueryError(at, e.getMessage());
    } catch (RuntimeException e) {
      // A fault of ours must still reach the rollout as an error measurement, not stop the engine.
      return new Measurement.QueryError(
          at, "the query to Prometheus at " + client.address() + " failed: " + e);
    }
  }

  private Measurement measurement(Instant at, QueryResult result) {
    if (result instanceof QueryResult.Scalar scalar) {
      return Double.isNaN(scalar.value())
          ? new Measurement.NoData(at, query + " is NaN at " + scalar.at())
          : new Measurement.Value(at, List.of(scalar.value()));
    }
    if (!(result instanceof QueryResult.Vector vector)) {
      return new Measurement.QueryError(
          at,
          query
              + " gives a "
              + result.resultType()
              + ", not a value per series: "
              + (result instanceof QueryResult.Matrix
                  ? "use a function over the range, such as rate(…[5m]) or last_over_time(…[5m])"
                  : "a metric is judged by numbers"));
    }
    if (vector.samples().isEmpty()) {
      return new Measurement.NoData(at, "no series matched " + query);
    }
    List<Double> values = new ArrayList<>();
    for (QueryResult.Sample sample : vector.samples()) {
      if (Double.isNaN(sample.value())) {
        return new Measurement.NoData(
            at,
            query
                + " is NaN for "
                + QueryResult.selector(sample.labels())
                + " (0/0: nothing in its window?)");
      }
      values.add(sample.value());
    }
    return new Measurement.Value(at, values);
  }

  private static URI address(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "a prometheus metric's address is a URL such as http://127.0.0.1:9090: " + e.getReason());
    }
  }
}
