package dev.sextant.core.analysis;

import dev.sextant.core.resource.spec.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the scrape provider computes from two scrapes of each canary instance, as PromQL would over
 * the same window: {@code sum(rate(x))}, {@code sum(rate(a)) / sum(rate(b))} and {@code
 * histogram_quantile(q, sum by (le) (rate(x_bucket)))}. A counter that went down restarted: its
 * increase is its new value. A value needs at least {@code minInstances} instances with samples;
 * fewer is no data, never zero.
 */
public sealed interface ScrapeQuery {

  /**
   * The reading over these windows, one per instance.
   *
   * @throws IllegalArgumentException when {@code minInstances} is less than 1
   */
  Reading measure(List<ScrapePair> windows, int minInstances);

  /**
   * The query an AnalysisTemplate's scrape metric means: the per-second rate of its counter, the
   * ratio of two rates ({@code over}), or a quantile of its histogram ({@code quantile}); with its
   * {@code minSamples}.
   */
  static ScrapeQuery of(Provider.Scrape scrape) {
    Selector selector = Selector.of(scrape);
    long minSamples = scrape.minSamples().orElse(0L);
    if (scrape.over().isPresent()) {
      Provider.Series over = scrape.over().get();
      return new Ratio(selector, new Selector(over.metric(), new TreeMap<>(over.labels())))
          .atLeast(minSamples);
    }
    if (scrape.quantile().isPresent()) {
      return new HistogramQuantile(scrape.quantile().get(), selector).atLeast(minSamples);
    }
    return new Rate(selector).atLeast(minSamples);
  }

  /**
   * This query, reading no data where fewer than {@code minSamples} observations were made between
   * the scrapes (the counter's increase; a ratio's denominator's; a histogram's count).
   */
  default ScrapeQuery atLeast(long minSamples) {
    if (minSamples <= 0) {
      return this;
    }
    return new AtLeast(this, minSamples);
  }

  /**
   * How many observations the windows hold: the summed increase of the series a sample size is
   * counted on. Zero when none has samples.
   */
  double observations(List<ScrapePair> windows);

  /** A query whose reading is no data below a sample size: a canary that served three requests. */
  record AtLeast(ScrapeQuery query, long minSamples) implements ScrapeQuery {
    public AtLeast {
      Objects.requireNonNull(query, "query");
      if (minSamples < 1) {
        throw new IllegalArgumentException("minSamples is 1 or more, not " + minSamples);
      }
    }

    @Override
    public Reading measure(List<ScrapePair> windows, int minInstances) {
      Reading reading = query.measure(windows, minInstances);
      if (reading instanceof Reading.NoData) {
        return reading;
      }
      double observed = query.observations(windows);
      if (observed < minSamples) {
        return new Reading.NoData(
            String.format(
                Locale.ROOT,
                "%.0f sample(s) between the scrapes, fewer than minSamples %d",
                observed,
                minSamples));
      }
      return reading;
    }

    @Override
    public double observations(List<ScrapePair> windows) {
      return query.observations(windows);
    }
  }

  /** The per-second increase of a counter, summed over its series and the instances. */
  record Rate(Selector counter) implements ScrapeQuery {
    public Rate {
      Objects.requireNonNull(counter, "counter");
    }

    @Override
    public Reading measure(List<ScrapePair> windows, int minInstances) {
      requirePositive(minInstances);
      double rate = 0;
      int instances = 0;
      for (ScrapePair window : windows) {
        Optional<Double> increase = increase(window, counter);
        if (increase.isPresent()) {
          rate += increase.get() / window.seconds();
          instances++;
        }
      }
      return enough(instances, minInstances, counter).orElse(new Reading.Value(rate, instances));
    }

    @Override
    public double observations(List<ScrapePair> windows) {
      return total(windows, counter);
    }
  }

  /**
   * A ratio of two rates, such as errors over requests. An empty or zero denominator is no data. A
   * numerator with no matching series counts as zero only where its metric is exposed with other
   * labels (no 5xx yet); a metric the instances do not expose at all is no data, so a misspelled
   * name cannot pass.
   */
  record Ratio(Selector numerator, Selector denominator) implements ScrapeQuery {
    public Ratio {
      Objects.requireNonNull(numerator, "numerator");
      Objects.requireNonNull(denominator, "denominator");
    }

    @Override
    public Reading measure(List<ScrapePair> windows, int minInstances) {
      requirePositive(minInstances);
      double over = 0;
      double under = 0;
      int instances = 0;
      for (ScrapePair window : windows) {
        Optional<Double> denominatorIncrease = increase(window, denominator);
        if (denominatorIncrease.isEmpty()) {
          continue;
        }
        Optional<Double> numeratorIncrease = increase(window, numerator);
        if (numeratorIncrease.isEmpty()
            && !window.later().exposition().exposes(numerator.metric())) {
          continue;
        }
        over += numeratorIncrease.orElse(0.0) / window.seconds();
        under += denominatorIncrease.get() / window.seconds();
        instances++;
      }
      Optional<Reading> tooFew = enough(instances, minInstances, denominator);
      if (tooFew.isPresent()) {
        return tooFew.get();
      }
      if (under == 0) {
        return new Reading.NoData(
            denominator + " did not increase between the scrapes: a ratio over zero is no data");
      }
      return new Reading.Value(over / under, instances);
    }

    @Override
    public double observations(List<ScrapePair> windows) {
      return total(windows, denominator);
    }
  }

  /**
   * A quantile of a histogram's observations between the scrapes, from its {@code _bucket} series
   * summed by {@code le}, interpolated linearly within a bucket as PromQL's {@code
   * histogram_quantile} does.
   */
  record HistogramQuantile(double quantile, Selector histogram) implements ScrapeQuery {
    public HistogramQuantile {
      if (!(quantile >= 0 && quantile <= 1)) {
        throw new IllegalArgumentException("a quantile is between 0 and 1, not " + quantile);
      }
      Objects.requireNonNull(histogram, "histogram");
    }

    @Override
    public Reading measure(List<ScrapePair> windows, int minInstances) {
      requirePositive(minInstances);
      Selector buckets = histogram.named(histogram.metric() + "_bucket");
      SortedMap<Double, Double> byUpperBound = new TreeMap<>();
      int instances = 0;
      for (ScrapePair window : windows) {
        Map<Double, Double> increases = bucketIncreases(window, buckets);
        if (!increases.isEmpty()) {
          increases.forEach((le, count) -> byUpperBound.merge(le, count, Double::sum));
          instances++;
        }
      }
      Optional<Reading> tooFew = enough(instances, minInstances, buckets);
      if (tooFew.isPresent()) {
        return tooFew.get();
      }
      return Buckets.quantile(quantile, byUpperBound, buckets, instances);
    }

    /** The observations are the increase of the histogram's count: its {@code +Inf} bucket. */
    @Override
    public double observations(List<ScrapePair> windows) {
      double count = 0;
      for (ScrapePair window : windows) {
        count +=
            bucketIncreases(window, histogram.named(histogram.metric() + "_bucket"))
                .getOrDefault(Double.POSITIVE_INFINITY, 0.0);
      }
      return count;
    }

    private static Map<Double, Double> bucketIncreases(ScrapePair window, Selector buckets) {
      Map<SortedMap<String, String>, Double> earlier = finite(window.earlier(), buckets);
      Map<Double, Double> byUpperBound = new HashMap<>();
      finite(window.later(), buckets)
          .forEach(
              (labels, now) -> {
                Optional<Double> le = upperBound(labels.get("le"));
                if (le.isPresent()) {
                  double increase = increaseOf(earlier.get(labels), now);
                  byUpperBound.merge(le.get(), increase, Double::sum);
                }
              });
      return byUpperBound;
    }

    private static Optional<Double> upperBound(String le) {
      if (le == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            le.equals("+Inf") || le.equals("Inf")
                ? Double.POSITIVE_INFINITY
                : Double.parseDouble(le));
      } catch (NumberFormatException notABound) {
        return Optional.empty();
      }
    }
  }

  /** The summed increase of the matching series over every window. */
  private static double total(List<ScrapePair> windows, Selector selector) {
    double sum = 0;
    for (ScrapePair window : windows) {
      sum += increase(window, selector).orElse(0.0);
    }
    return sum;
  }

  private static void requirePositive(int minInstances) {
    if (minInstances < 1) {
      throw new IllegalArgumentException("at least one instance is needed, not " + minInstances);
    }
  }

  private static Optional<Reading> enough(int instances, int minInstances, Selector selector) {
    if (instances == 0) {
      return Optional.of(new Reading.NoData("no instance has samples of " + selector));
    }
    if (instances < minInstances) {
      return Optional.of(
          new Reading.NoData(
              instances
                  + " instance(s) have samples of "
                  + selector
                  + "; "
                  + minInstances
                  + " needed"));
    }
    return Optional.empty();
  }

  /** The summed increase of the matching series, or empty when the later scrape has none. */
  private static Optional<Double> increase(ScrapePair window, Selector counter) {
    Map<SortedMap<String, String>, Double> later = finite(window.later(), counter);
    if (later.isEmpty()) {
      return Optional.empty();
    }
    Map<SortedMap<String, String>, Double> earlier = finite(window.earlier(), counter);
    double sum = 0;
    for (Map.Entry<SortedMap<String, String>, Double> series : later.entrySet()) {
      sum += increaseOf(earlier.get(series.getKey()), series.getValue());
    }
    return Optional.of(sum);
  }

  /** A series new since the earlier scrape, or lower than it was, started again from zero. */
  private static double increaseOf(Double before, double now) {
    return before == null || now < before ? now : now - before;
  }

  /** The matching series of a scrape by their labels, leaving out NaN and infinite values. */
  private static Map<SortedMap<String, String>, Double> finite(Scraped scraped, Selector selector) {
    Map<SortedMap<String, String>, Double> series = new HashMap<>();
    for (Sample sample : scraped.exposition().samples()) {
      if (selector.matches(sample) && Double.isFinite(sample.value())) {
        series.put(sample.labels(), sample.value());
      }
    }
    return series;
  }
}
