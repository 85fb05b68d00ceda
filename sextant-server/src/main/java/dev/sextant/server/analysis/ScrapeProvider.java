package dev.sextant.server.analysis;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.PrometheusText;
import dev.sextant.core.analysis.Reading;
import dev.sextant.core.analysis.ScrapePair;
import dev.sextant.core.analysis.ScrapeQuery;
import dev.sextant.core.analysis.Scraped;
import dev.sextant.core.resource.spec.Provider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The scrape provider: reads the Prometheus text of each canary instance and measures its query
 * between this scrape and the one before, as PromQL's {@code rate} would over that window. The
 * first scrape has nothing to compare with and is no data, never a pass. An instance that cannot be
 * fetched, answers other than 200 or serves text that is not the format makes the whole measurement
 * an error, saying which instance and why: a rate over the instances that did answer would quietly
 * judge a different canary.
 *
 * <p>Not thread-safe: one analysis measures its metric from one thread at a time.
 */
public final class ScrapeProvider implements MeasurementSource {

  /** How long one instance may take to answer a scrape. */
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final List<URI> endpoints;
  private final ScrapeQuery query;
  private final int minInstances;
  private final HttpClient client;
  private final Clock clock;
  private final Map<URI, Scraped> previous = new HashMap<>();

  /**
   * A provider scraping {@code endpoints} (full URLs of the metrics pages) for {@code query}, which
   * needs samples from at least {@code minInstances} of them.
   *
   * @throws IllegalArgumentException when there are no endpoints or {@code minInstances} is less
   *     than 1
   */
  public ScrapeProvider(
      List<URI> endpoints, ScrapeQuery query, int minInstances, HttpClient client, Clock clock) {
    this.endpoints = List.copyOf(endpoints);
    this.query = Objects.requireNonNull(query, "query");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.endpoints.isEmpty()) {
      throw new IllegalArgumentException("a scrape needs at least one instance");
    }
    if (minInstances < 1) {
      throw new IllegalArgumentException("at least one instance is needed, not " + minInstances);
    }
    this.minInstances = minInstances;
  }

  /**
   * The provider an AnalysisTemplate's scrape metric describes, over the canary instances at {@code
   * instances} (base URLs such as {@code http://127.0.0.1:8081}); the metric's {@code port}, when
   * it has one, replaces each instance's port. One instance with samples is enough.
   *
   * @throws IllegalArgumentException when there are no instances or one is not an http URL
   */
  public static ScrapeProvider of(
      Provider.Scrape scrape, List<URI> instances, HttpClient client, Clock clock) {
    List<URI> endpoints = instances.stream().map(base -> endpoint(base, scrape)).toList();
    return new ScrapeProvider(endpoints, ScrapeQuery.of(scrape), 1, client, clock);
  }

  /** An HTTP client for scrapes: connections, too, give up after {@link #TIMEOUT}. */
  public static HttpClient client() {
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Takes the first scrape, whose failures the first measurement will report if they last. */
  @Override
  public void begin() {
    measure();
  }

  @Override
  public Measurement measure() {
    Instant at = clock.instant();
    try {
      return measure(at);
    } catch (RuntimeException e) {
      // A fault of ours must still reach the rollout as an error measurement, not stop the engine.
      return new Measurement.QueryError(at, "the scrape failed: " + e);
    }
  }

  private Measurement measure(Instant at) {
    Map<URI, CompletableFuture<HttpResponse<String>>> requests = new HashMap<>();
    for (URI endpoint : endpoints) {
      requests.put(
          endpoint, client.sendAsync(request(endpoint), HttpResponse.BodyHandlers.ofString()));
    }
    List<String> problems = new ArrayList<>();
    Map<URI, Scraped> scraped = new HashMap<>();
    for (URI endpoint : endpoints) {
      try {
        scraped.put(endpoint, read(endpoint, requests.get(endpoint).join(), at));
      } catch (CompletionException e) {
        problems.add(endpoint + ": " + unreachable(e.getCause()));
      } catch (ScrapeFailure e) {
        problems.add(endpoint + ": " + e.getMessage());
      }
    }
    List<ScrapePair> windows = new ArrayList<>();
    scraped.forEach(
        (endpoint, later) -> {
          Scraped earlier = previous.get(endpoint);
          if (earlier == null) {
            previous.put(endpoint, later);
          } else if (later.at().isAfter(earlier.at())) {
            windows.add(new ScrapePair(endpoint.toString(), earlier, later));
            previous.put(endpoint, later);
          }
          // Else no time passed since the last scrape: keep it, the next window starts there.
        });
    if (!problems.isEmpty()) {
      return new Measurement.QueryError(at, String.join("; ", problems));
    }
    if (windows.isEmpty()) {
      return new Measurement.NoData(
          at, "no earlier scrape of the instances to measure a rate from yet");
    }
    Reading reading = query.measure(windows, minInstances);
    if (reading instanceof Reading.Value value) {
      return new Measurement.Value(at, List.of(value.value()));
    }
    return new Measurement.NoData(at, ((Reading.NoData) reading).reason());
  }

  private static HttpRequest request(URI endpoint) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(TIMEOUT)
        .header("Accept", "text/plain;version=0.0.4")
        .GET()
        .build();
  }

  private static Scraped read(URI endpoint, HttpResponse<String> response, Instant at) {
    if (response.statusCode() != 200) {
      throw new ScrapeFailure("answered HTTP " + response.statusCode() + ", not 200");
    }
    try {
      return new Scraped(at, PrometheusText.parse(response.body()));
    } catch (RuntimeException e) {
      throw new ScrapeFailure("not the Prometheus text format: " + e.getMessage());
    }
  }

  private static String unreachable(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + TIMEOUT.toSeconds() + " s";
    }
    if (cause instanceof IOException) {
      // ConnectException and its kin often carry no message; their type is the reason.
      return cause.getMessage() == null
          ? cause.getClass().getSimpleName()
          : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    return String.valueOf(cause);
  }

  private static URI endpoint(URI base, Provider.Scrape scrape) {
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())
        || base.getHost() == null) {
      throw new IllegalArgumentException("instance " + base + " is not an http URL");
    }
    String path = scrape.path().startsWith("/") ? scrape.path() : "/" + scrape.path();
    try {
      return new URI(
          base.getScheme(),
          null,
          base.getHost(),
          scrape.port().orElse(base.getPort()),
          path,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "instance " + base + " with path " + scrape.path() + " is not a URL", e);
    }
  }

  private static final class ScrapeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScrapeFailure(String message) {
      super(message);
    }
  }
}
