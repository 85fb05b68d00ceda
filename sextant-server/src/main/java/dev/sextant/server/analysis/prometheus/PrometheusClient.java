package dev.sextant.server.analysis.prometheus;

import dev.sextant.core.secret.SecretRef;
import dev.sextant.server.analysis.prometheus.PrometheusQueryException.Kind;
import dev.sextant.server.secret.SecretResolver;
import dev.sextant.server.secret.UnresolvedSecretException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Instant and range queries against one Prometheus over its HTTP API ({@code /api/v1/query}, {@code
 * /api/v1/query_range}). Prometheus is told the timeout too, so a slow query ends there with its
 * own reason rather than here with none. A bearer token is resolved from its reference for each
 * request and goes nowhere but that request's header.
 *
 * <p>Thread-safe: it holds no state between queries.
 */
public final class PrometheusClient {

  /** How long a query may run unless told otherwise. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the request waits beyond Prometheus' own timeout, for its refusal to arrive. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final String shown;
  private final Optional<SecretRef> bearerToken;
  private final SecretResolver secrets;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A client of the Prometheus at {@code address} (its base URL, with any path prefix it serves
   * under), sending {@code bearerToken}'s secret when there is one.
   *
   * @throws IllegalArgumentException when the address is not an http(s) URL or the timeout is not
   *     positive
   */
  public PrometheusClient(
      URI address,
      Optional<SecretRef> bearerToken,
      SecretResolver secrets,
      HttpClient http,
      Duration timeout) {
    this.shown = redacted(Objects.requireNonNull(address, "address"));
    if (!"http".equals(address.getScheme()) && !"https".equals(address.getScheme())
        || address.getHost() == null) {
      throw new IllegalArgumentException(
          "a Prometheus address is an http or https URL such as http://127.0.0.1:9090, not "
              + shown);
    }
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("a query timeout is at least 1 ms, not " + timeout);
    }
    this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = timeout;
  }

  /** An HTTP client for queries: connections give up after {@link #TIMEOUT}. */
  public static HttpClient http() {
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The address as messages show it and requests use it: no user information, no query. */
  public String address() {
    return shown;
  }

  /**
   * {@code promql} evaluated at {@code time}: usually a {@link QueryResult.Vector}, a {@link
   * QueryResult.Scalar} for a number, a {@link QueryResult.Matrix} for a range selector.
   *
   * @throws PrometheusQueryException when there is no result, saying why
   */
  public QueryResult query(String promql, Instant time) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", promql);
    params.put("time", seconds(time));
    return send("/api/v1/query", params);
  }

  /**
   * {@code promql} evaluated every {@code step} from {@code start} to {@code end}: a {@link
   * QueryResult.Matrix} with a series per label set, points oldest first.
   *
   * @throws IllegalArgumentException when the range is empty or the step not positive
   * @throws PrometheusQueryException when there is no result, saying why
   */
  public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "a range cannot end (" + end + ") before it starts (" + start + ")");
    }
    if (step.toMillis() < 1) {
      throw new IllegalArgumentException("a range's step is at least 1 ms, not " + step);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", promql);
    params.put("start", seconds(start));
    params.put("end", seconds(end));
    params.put("step", seconds(step.toMillis()));
    QueryResult result = send("/api/v1/query_range", params);
    if (result instanceof QueryResult.Matrix matrix) {
      return matrix;
    }
    throw new PrometheusQueryException(
        Kind.MALFORMED,
        "Prometheus at " + shown + " answered a range query with a " + result.resultType());
  }

  private QueryResult send(String path, Map<String, String> params) {
    params.put("timeout", seconds(timeout.toMillis()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint(path, params))
            .timeout(timeout.plus(GRACE))
            .header("Accept", "application/json")
            .GET();
    if (bearerToken.isPresent()) {
      request.header("Authorization", "Bearer " + token(bearerToken.get()));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new PrometheusQueryException(
          Kind.UNREACHABLE,
          "Prometheus at "
              + shown
              + " gave no answer within "
              + timeout.plus(GRACE).toSeconds()
              + " s",
          e);
    } catch (IOException e) {
      // ConnectException and its kin often carry no message; their type is the reason.
      throw new PrometheusQueryException(
          Kind.UNREACHABLE,
          "cannot reach Prometheus at "
              + shown
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrometheusQueryException(
          Kind.UNREACHABLE, "interrupted while asking Prometheus at " + shown, e);
    }
    return ApiAnswer.read(shown, response.statusCode(), response.body());
  }

  private String token(SecretRef ref) {
    try {
      return secrets.resolve(ref).reveal();
    } catch (UnresolvedSecretException e) {
      // Its message names the reference and why, never a value.
      throw new PrometheusQueryException(
          Kind.NO_TOKEN,
          "cannot read the bearer token for Prometheus at " + shown + ": " + e.getMessage());
    }
  }

  private URI endpoint(String path, Map<String, String> params) {
    // The shown address: credentials in the address are never sent, nor its query.
    String base = shown;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return URI.create(base + path + "?" + query);
  }

  private static String seconds(Instant time) {
    return seconds(time.toEpochMilli());
  }

  /** Milliseconds as Prometheus' seconds with a fraction, which every parameter accepts. */
  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).toPlainString();
  }

  private static String redacted(URI address) {
    if (address.getScheme() == null || address.getRawAuthority() == null) {
      return "(not a URL)";
    }
    String authority = address.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String path = address.getRawPath() == null ? "" : address.getRawPath();
    return address.getScheme() + "://" + authority + path;
  }
}
