package dev.sextant.core.analysis;

import dev.sextant.core.resource.spec.Provider;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which series of a scrape count: a metric name and label values each sample must carry, written as
 * a series is written in the text format itself, {@code http_requests_total{code="500"}}.
 */
public record Selector(String metric, SortedMap<String, String> labels) {
  public Selector {
    Objects.requireNonNull(metric, "metric");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** The series a scrape metric of an AnalysisTemplate names. */
  public static Selector of(Provider.Scrape scrape) {
    return new Selector(scrape.metric(), new TreeMap<>(scrape.labels()));
  }

  /**
   * A selector in the text format's series syntax.
   *
   * @throws IllegalArgumentException when {@code text} is not one series name with labels
   */
  public static Selector parse(String text) {
    try {
      var samples = PrometheusText.parse(text.strip() + " 0").samples();
      // A value written after the series would read as this value and " 0" as a timestamp.
      if (samples.size() == 1 && samples.get(0).timestampMillis().isEmpty()) {
        return new Selector(samples.get(0).name(), samples.get(0).labels());
      }
    } catch (MalformedExpositionException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a selector such as name{label=\"value\"}", e);
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a selector such as name{label=\"value\"}");
  }

  /** The same labels on another metric, as a histogram's {@code _bucket} series. */
  Selector named(String otherMetric) {
    return new Selector(otherMetric, labels);
  }

  boolean matches(Sample sample) {
    return sample.matches(metric, labels);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(metric);
    if (!labels.isEmpty()) {
      text.append('{');
      String separator = "";
      for (Map.Entry<String, String> label : labels.entrySet()) {
        text.append(separator).append(label.getKey()).append("=\"");
        text.append(
            label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
        text.append('"');
        separator = ",";
      }
      text.append('}');
    }
    return text.toString();
  }
}
