package dev.sextant.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.ScrapeQuery;
import dev.sextant.core.analysis.Selector;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.store.SettableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeProviderTest {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  static final Provider.Scrape REQUESTS =
      new Provider.Scrape("/metrics", Optional.empty(), "http_requests_total", Map.of());

  private final HttpClient client = ScrapeProvider.client();
  private final SettableClock clock = new SettableClock(T0);
  private final CanaryInstance canary = newCanary();
  private final CanaryInstance other = newCanary();

  private static CanaryInstance newCanary() {
    try {
      return new CanaryInstance();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    canary.close();
    other.close();
  }

  @Test
  void the_first_scrape_is_no_data_and_the_next_measures_the_rate_between_the_two() {
    ScrapeProvider provider = ScrapeProvider.of(REQUESTS, List.of(canary.base()), client, clock);
    canary.requests(100, 0);
    assertThat(provider.measure()).isInstanceOf(Measurement.NoData.class);

    clock.advance(Duration.ofMinutes(1));
    canary.requests(600, 6);
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(10.0)));

    // Only the last two scrapes count: the window moves on.
    clock.advance(Duration.ofSeconds(30));
    canary.requests(60, 0);
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(2.0)));
  }

  @Test
  void the_rates_of_all_canary_instances_are_summed_and_labels_select_series() {
    Provider.Scrape errors =
        new Provider.Scrape(
            "metrics", Optional.empty(), "http_requests_total", Map.of("code", "500"));
    ScrapeProvider provider =
        ScrapeProvider.of(errors, List.of(canary.base(), other.base()), client, clock);
    provider.measure();
    clock.advance(Duration.ofSeconds(10));
    canary.requests(100, 10);
    other.requests(100, 30);
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(4.0)));
  }

  @Test
  void an_error_ratio_between_two_scrapes_is_measured_over_real_http() {
    ScrapeQuery errorRatio =
        new ScrapeQuery.Ratio(
            Selector.parse("http_requests_total{code=\"500\"}"),
            Selector.parse("http_requests_total"));
    ScrapeProvider provider =
        new ScrapeProvider(
            List.of(URI.create(canary.base() + "/metrics")), errorRatio, 1, client, clock);
    provider.measure();
    clock.advance(Duration.ofMinutes(1));
    canary.requests(200, 20);
    assertThat(provider.measure())
        .isInstanceOfSatisfying(
            Measurement.Value.class,
            v -> assertThat(v.result().get(0)).isCloseTo(0.1, within(1e-12)));
  }

  @Test
  void the_metric_port_replaces_the_port_of_each_instance() {
    Provider.Scrape onOtherPort =
        new Provider.Scrape(
            "/metrics", Optional.of(other.base().getPort()), "http_requests_total", Map.of());
    ScrapeProvider provider = ScrapeProvider.of(onOtherPort, List.of(canary.base()), client, clock);
    provider.measure();
    clock.advance(Duration.ofSeconds(10));
    other.requests(50, 0);
    canary.requests(9_999, 0);
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(5.0)));
  }

  @Test
  void a_page_that_is_not_found_is_an_error_naming_the_instance_and_the_status() {
    canary.serve(404, "no such page");
    ScrapeProvider provider = ScrapeProvider.of(REQUESTS, List.of(canary.base()), client, clock);
    assertThat(provider.measure())
        .isInstanceOfSatisfying(
            Measurement.QueryError.class,
            e -> assertThat(e.message()).contains(canary.base().toString(), "HTTP 404"));
  }

  @Test
  void text_that_is_not_the_format_is_an_error_saying_where() {
    canary.serve(200, "http_requests_total{code=\"200\" 12\n");
    ScrapeProvider provider = ScrapeProvider.of(REQUESTS, List.of(canary.base()), client, clock);
    assertThat(provider.measure())
        .isInstanceOfSatisfying(
            Measurement.QueryError.class,
            e -> assertThat(e.message()).contains("not the Prometheus text format", "line 1"));
  }

  @Test
  void an_instance_that_does_not_listen_is_an_error_and_nothing_is_thrown() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ScrapeProvider provider =
        ScrapeProvider.of(
            REQUESTS,
            List.of(canary.base(), URI.create("http://127.0.0.1:" + closed)),
            client,
            clock);
    assertThat(provider.measure())
        .isInstanceOfSatisfying(
            Measurement.QueryError.class,
            e -> assertThat(e.message()).contains("127.0.0.1:" + closed).contains("Connect"));
  }

  @Test
  void one_instance_failing_makes_the_measurement_an_error_not_a_rate_of_the_others() {
    ScrapeProvider provider =
        ScrapeProvider.of(REQUESTS, List.of(canary.base(), other.base()), client, clock);
    provider.measure();
    clock.advance(Duration.ofSeconds(10));
    canary.requests(100, 0);
    other.serve(500, "boom");
    assertThat(provider.measure()).isInstanceOf(Measurement.QueryError.class);
    // Once it answers again, its window runs from its last good scrape.
    clock.advance(Duration.ofSeconds(10));
    other.requests(200, 0);
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(10.0)));
  }

  @Test
  void a_metric_the_instances_do_not_expose_is_no_data_never_zero() {
    Provider.Scrape misspelt =
        new Provider.Scrape("/metrics", Optional.empty(), "http_request_total", Map.of());
    ScrapeProvider provider = ScrapeProvider.of(misspelt, List.of(canary.base()), client, clock);
    provider.measure();
    clock.advance(Duration.ofSeconds(10));
    canary.requests(100, 0);
    assertThat(provider.measure()).isInstanceOf(Measurement.NoData.class);
  }

  @Test
  void a_second_scrape_at_the_same_instant_is_no_data_and_keeps_the_first() {
    ScrapeProvider provider = ScrapeProvider.of(REQUESTS, List.of(canary.base()), client, clock);
    provider.measure();
    canary.requests(100, 0);
    assertThat(provider.measure()).isInstanceOf(Measurement.NoData.class);
    clock.advance(Duration.ofSeconds(10));
    assertThat(provider.measure()).isEqualTo(new Measurement.Value(clock.instant(), List.of(10.0)));
  }
}
