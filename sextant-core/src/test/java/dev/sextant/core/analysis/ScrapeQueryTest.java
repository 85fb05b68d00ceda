package dev.sextant.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.core.resource.spec.Provider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScrapeQueryTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private static ScrapePair window(String instance, long seconds, String earlier, String later) {
    return new ScrapePair(
        instance,
        new Scraped(T0, PrometheusText.parse(earlier)),
        new Scraped(T0.plusSeconds(seconds), PrometheusText.parse(later)));
  }

  private static double value(Reading reading) {
    assertThat(reading).isInstanceOf(Reading.Value.class);
    return ((Reading.Value) reading).value();
  }

  private static String noData(Reading reading) {
    assertThat(reading).isInstanceOf(Reading.NoData.class);
    return ((Reading.NoData) reading).reason();
  }

  private final ScrapeQuery requests = new ScrapeQuery.Rate(Selector.parse("http_requests_total"));

  @Test
  void a_rate_is_the_increase_per_second_summed_over_series_and_instances() {
    Reading reading =
        requests.measure(
            List.of(
                window(
                    "canary-1",
                    60,
                    "http_requests_total{code=\"200\"} 100\nhttp_requests_total{code=\"500\"} 4\n",
                    "http_requests_total{code=\"200\"} 154\nhttp_requests_total{code=\"500\"} 10\n"),
                window("canary-2", 30, "http_requests_total 10\n", "http_requests_total 40\n")),
            1);

    assertThat(value(reading)).isCloseTo(2.0, within(1e-9));
    assertThat(((Reading.Value) reading).instances()).isEqualTo(2);
  }

  @Test
  void a_counter_that_went_down_restarted_and_its_new_value_is_the_increase() {
    Reading reading =
        requests.measure(
            List.of(window("c", 60, "http_requests_total 100\n", "http_requests_total 30\n")), 1);

    assertThat(value(reading)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void a_series_new_since_the_earlier_scrape_counts_from_zero() {
    Reading reading =
        requests.measure(
            List.of(
                window(
                    "c",
                    10,
                    "http_requests_total{code=\"200\"} 5\n",
                    "http_requests_total{code=\"200\"} 5\nhttp_requests_total{code=\"500\"} 3\n")),
            1);

    assertThat(value(reading)).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void an_empty_scrape_a_nan_counter_or_no_instances_is_no_data_never_zero() {
    assertThat(noData(requests.measure(List.of(window("c", 60, "", "")), 1)))
        .isEqualTo("no instance has samples of http_requests_total");
    assertThat(
            noData(
                requests.measure(
                    List.of(
                        window("c", 60, "http_requests_total 1\n", "http_requests_total NaN\n")),
                    1)))
        .contains("no instance has samples");
    assertThat(noData(requests.measure(List.of(), 1))).contains("no instance has samples");
    assertThat(
            noData(
                requests.measure(
                    List.of(window("c", 60, "other_total 1\n", "other_total 2\n")), 1)))
        .contains("no instance has samples");
  }

  @Test
  void fewer_instances_with_samples_than_wanted_is_no_data() {
    Reading reading =
        requests.measure(
            List.of(
                window("c1", 60, "http_requests_total 1\n", "http_requests_total 61\n"),
                window("c2", 60, "", "")),
            2);

    assertThat(noData(reading))
        .isEqualTo("1 instance(s) have samples of http_requests_total; 2 needed");
    assertThatThrownBy(() -> requests.measure(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private final ScrapeQuery errorRatio =
      new ScrapeQuery.Ratio(
          Selector.parse("http_requests_total{code=\"500\"}"),
          Selector.parse("http_requests_total"));

  @Test
  void a_ratio_divides_the_summed_rates() {
    Reading reading =
        errorRatio.measure(
            List.of(
                window(
                    "c1",
                    60,
                    "http_requests_total{code=\"200\"} 100\nhttp_requests_total{code=\"500\"} 0\n",
                    "http_requests_total{code=\"200\"} 397\nhttp_requests_total{code=\"500\"} 3\n"),
                window(
                    "c2",
                    60,
                    "http_requests_total{code=\"200\"} 0\n",
                    "http_requests_total{code=\"200\"} 300\n")),
            1);

    assertThat(value(reading)).isCloseTo(3.0 / 600, within(1e-12));
    assertThat(((Reading.Value) reading).instances()).isEqualTo(2);
  }

  @Test
  void a_ratio_over_no_requests_is_no_data() {
    String same = "http_requests_total{code=\"200\"} 100\nhttp_requests_total{code=\"500\"} 2\n";

    assertThat(noData(errorRatio.measure(List.of(window("c", 60, same, same)), 1)))
        .contains("did not increase between the scrapes");
    assertThat(noData(errorRatio.measure(List.of(window("c", 60, "", "")), 1)))
        .contains("no instance has samples");
  }

  @Test
  void a_numerator_without_series_is_zero_only_when_its_metric_is_exposed() {
    String before = "http_requests_total{code=\"200\"} 100\n";
    String after = "http_requests_total{code=\"200\"} 200\n";

    assertThat(value(errorRatio.measure(List.of(window("c", 60, before, after)), 1))).isZero();

    ScrapeQuery misspelled =
        new ScrapeQuery.Ratio(
            Selector.parse("http_request_total{code=\"500\"}"),
            Selector.parse("http_requests_total"));
    assertThat(noData(misspelled.measure(List.of(window("c", 60, before, after)), 1)))
        .contains("no instance has samples");
  }

  private static final String NO_REQUESTS =
      """
      # TYPE http_server_requests_seconds histogram
      http_server_requests_seconds_bucket{uri="/",le="0.005"} 0
      http_server_requests_seconds_bucket{uri="/",le="0.01"} 0
      http_server_requests_seconds_bucket{uri="/",le="0.1"} 0
      http_server_requests_seconds_bucket{uri="/",le="+Inf"} 0
      """;

  private final Selector latency = Selector.parse("http_server_requests_seconds{uri=\"/\"}");

  @Test
  void a_quantile_interpolates_within_its_bucket_like_histogram_quantile() {
    List<ScrapePair> windows =
        List.of(window("c", 60, NO_REQUESTS, PrometheusTextTest.MICROMETER.replace(",}", "}")));

    // Increases 10, 25, 30, 31: the median (rank 15.5) lies in (0.005, 0.01], 5.5 of its 15.
    assertThat(value(new ScrapeQuery.HistogramQuantile(0.5, latency).measure(windows, 1)))
        .isCloseTo(0.005 + 0.005 * 5.5 / 15, within(1e-12));
    // Rank 30.69 falls in the +Inf bucket: the highest finite bound, as PromQL says.
    assertThat(value(new ScrapeQuery.HistogramQuantile(0.99, latency).measure(windows, 1)))
        .isEqualTo(0.1);
    // Rank 5 of the first bucket, which starts at 0.
    assertThat(value(new ScrapeQuery.HistogramQuantile(5.0 / 31, latency).measure(windows, 1)))
        .isCloseTo(0.0025, within(1e-12));
  }

  @Test
  void a_quantile_sums_bucket_increases_by_le_over_instances_and_restarts() {
    String earlier = "h_bucket{le=\"1\"} 10\nh_bucket{le=\"2\"} 20\nh_bucket{le=\"+Inf\"} 20\n";
    String laterOne = "h_bucket{le=\"1\"} 10\nh_bucket{le=\"2\"} 30\nh_bucket{le=\"+Inf\"} 30\n";
    // Restarted: counts below the earlier ones are the increase.
    String laterTwo = "h_bucket{le=\"1\"} 0\nh_bucket{le=\"2\"} 10\nh_bucket{le=\"+Inf\"} 10\n";

    Reading reading =
        new ScrapeQuery.HistogramQuantile(0.5, Selector.parse("h"))
            .measure(
                List.of(window("a", 60, earlier, laterOne), window("b", 60, earlier, laterTwo)), 2);

    // Summed: le=1 -> 0, le=2 -> 20, +Inf -> 20; rank 10 is half way through (1, 2].
    assertThat(value(reading)).isCloseTo(1.5, within(1e-12));
    assertThat(((Reading.Value) reading).instances()).isEqualTo(2);
  }

  @Test
  void a_quantile_of_no_observations_or_without_an_inf_bucket_is_no_data() {
    ScrapeQuery p99 = new ScrapeQuery.HistogramQuantile(0.99, latency);

    assertThat(noData(p99.measure(List.of(window("c", 60, NO_REQUESTS, NO_REQUESTS)), 1)))
        .contains("no observations");
    assertThat(
            noData(
                p99.measure(
                    List.of(
                        window(
                            "c",
                            60,
                            "",
                            "http_server_requests_seconds_bucket{uri=\"/\",le=\"0.1\"} 4\n")),
                    1)))
        .contains("no le=\"+Inf\" bucket");
    assertThat(noData(p99.measure(List.of(window("c", 60, "", "")), 1)))
        .contains("no instance has samples");
    assertThatThrownBy(() -> new ScrapeQuery.HistogramQuantile(1.5, latency))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScrapeQuery.HistogramQuantile(Double.NaN, latency))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_scrape_provider_of_a_template_is_the_rate_of_its_counter() {
    Provider.Scrape scrape =
        new Provider.Scrape(
            "/metrics", Optional.of(9102), "process_cpu_seconds_total", Map.of("job", "app"));

    assertThat(ScrapeQuery.of(scrape))
        .isEqualTo(new ScrapeQuery.Rate(Selector.parse("process_cpu_seconds_total{job=\"app\"}")));
  }

  @Test
  void a_template_asks_for_a_ratio_or_a_quantile_and_a_sample_size() {
    Provider.Scrape ratio =
        new Provider.Scrape(
            "/metrics",
            Optional.empty(),
            "http_requests_total",
            Map.of("code", "500"),
            Optional.of(new Provider.Series("http_requests_total", Map.of())),
            Optional.empty(),
            Optional.of(100L));
    Provider.Scrape p99 =
        new Provider.Scrape(
            "/metrics",
            Optional.empty(),
            "latency_seconds",
            Map.of(),
            Optional.empty(),
            Optional.of(0.99),
            Optional.empty());

    assertThat(ScrapeQuery.of(ratio))
        .isEqualTo(
            new ScrapeQuery.AtLeast(
                new ScrapeQuery.Ratio(
                    Selector.parse("http_requests_total{code=\"500\"}"),
                    Selector.parse("http_requests_total")),
                100));
    assertThat(ScrapeQuery.of(p99))
        .isEqualTo(new ScrapeQuery.HistogramQuantile(0.99, Selector.parse("latency_seconds")));
  }

  @Test
  void fewer_samples_than_min_samples_is_no_data_and_enough_is_a_value() {
    ScrapeQuery errors =
        new ScrapeQuery.Ratio(
                Selector.parse("http_requests_total{code=\"500\"}"),
                Selector.parse("http_requests_total"))
            .atLeast(20);
    String earlier = "http_requests_total{code=\"200\"} 0\nhttp_requests_total{code=\"500\"} 0\n";

    // Three requests, all failed: a 100% error rate on a sample too small to judge.
    String few =
        noData(
            errors.measure(
                List.of(
                    window(
                        "c",
                        10,
                        earlier,
                        "http_requests_total{code=\"200\"} 0\nhttp_requests_total{code=\"500\"} 3\n")),
                1));
    double enough =
        value(
            errors.measure(
                List.of(
                    window(
                        "c",
                        10,
                        earlier,
                        "http_requests_total{code=\"200\"} 15\nhttp_requests_total{code=\"500\"} 5\n")),
                1));

    assertThat(few).isEqualTo("3 sample(s) between the scrapes, fewer than minSamples 20");
    assertThat(enough).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void a_histogram_counts_its_observations_in_its_inf_bucket() {
    ScrapeQuery p50 =
        new ScrapeQuery.HistogramQuantile(0.5, Selector.parse("latency_seconds")).atLeast(10);
    String later = "latency_seconds_bucket{le=\"0.1\"} 4\nlatency_seconds_bucket{le=\"+Inf\"} 6\n";

    assertThat(noData(p50.measure(List.of(window("c", 10, "", later)), 1)))
        .isEqualTo("6 sample(s) between the scrapes, fewer than minSamples 10");
  }

  @Test
  void a_selector_reads_and_writes_the_series_syntax() {
    Selector selector = Selector.parse(" http_requests_total{code=\"500\",path=\"a\\\"b\"} ");

    assertThat(selector.metric()).isEqualTo("http_requests_total");
    assertThat(selector.labels()).containsEntry("code", "500").containsEntry("path", "a\"b");
    assertThat(Selector.parse(selector.toString())).isEqualTo(selector);
    assertThatThrownBy(() -> Selector.parse("rate(x[1m])"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a selector");
    assertThatThrownBy(() -> Selector.parse("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Selector.parse("x 5")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scrapes_out_of_order_are_refused() {
    Scraped at = new Scraped(T0, PrometheusText.parse(""));

    assertThatThrownBy(() -> new ScrapePair("c", at, at))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not after the earlier one");
  }
}
