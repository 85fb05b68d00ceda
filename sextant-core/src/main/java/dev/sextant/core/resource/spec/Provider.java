package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.secret.SecretRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where a metric's measurements come from, written as a single key. */
public sealed interface Provider {

  /** The provider a document's single key names; the schema has already checked there is one. */
  @JsonCreator
  static Provider fromDocument(
      @JsonProperty("prometheus") Prometheus prometheus, @JsonProperty("scrape") Scrape scrape) {
    if ((prometheus == null) == (scrape == null)) {
      throw new IllegalArgumentException("a provider is exactly one of prometheus or scrape");
    }
    return prometheus != null ? prometheus : scrape;
  }

  /**
   * A PromQL query over Prometheus' HTTP API; without an address, the server's Prometheus. A
   * Prometheus that wants a token gets it by reference, resolved when the query is sent.
   */
  record Prometheus(Optional<String> address, Optional<SecretRef> bearerToken, String query)
      implements Provider {
    public Prometheus {
      address = Defaults.optional(address);
      bearerToken = Defaults.optional(bearerToken);
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * A metric read straight from the instances' Prometheus text endpoint: the per-second rate of a
   * counter; with {@code over}, the ratio of its rate to another's (errors over requests); with
   * {@code quantile}, that quantile of a histogram's observations. Fewer than {@code minSamples}
   * observations between two scrapes (the counter's increase, the denominator's, the histogram's
   * count) is no data, judged inconclusive.
   */
  record Scrape(
      String path,
      Optional<Integer> port,
      String metric,
      Map<String, String> labels,
      Optional<Series> over,
      Optional<Double> quantile,
      Optional<Long> minSamples)
      implements Provider {
    public Scrape {
      Objects.requireNonNull(path, "path");
      port = Defaults.optional(port);
      Objects.requireNonNull(metric, "metric");
      labels = Defaults.sorted(labels);
      over = Defaults.optional(over);
      quantile = Defaults.optional(quantile);
      minSamples = Defaults.optional(minSamples);
      if (over.isPresent() && quantile.isPresent()) {
        throw new FieldException(
            "quantile", "a scrape is a ratio (over) or a histogram's quantile, not both");
      }
    }

    /** The per-second rate of a counter. */
    public Scrape(String path, Optional<Integer> port, String metric, Map<String, String> labels) {
      this(path, port, metric, labels, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** The series a ratio divides by: a metric and the label values its samples must have. */
  record Series(String metric, Map<String, String> labels) {
    public Series {
      Objects.requireNonNull(metric, "metric");
      labels = Defaults.sorted(labels);
    }
  }
}
