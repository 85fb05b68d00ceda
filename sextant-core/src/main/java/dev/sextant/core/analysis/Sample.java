package dev.sextant.core.analysis;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One sample of the Prometheus text format: a series (name and labels) and its value, with the
 * exposer's own timestamp in milliseconds when it gave one. The value may be NaN or infinite.
 */
public record Sample(
    String name, SortedMap<String, String> labels, double value, Optional<Long> timestampMillis) {
  public Sample {
    Objects.requireNonNull(name, "name");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    Objects.requireNonNull(timestampMillis, "timestampMillis");
  }

  /** Whether this sample's name is {@code metric} and it carries every label of {@code wanted}. */
  public boolean matches(String metric, Map<String, String> wanted) {
    return name.equals(metric)
        && wanted.entrySet().stream().allMatch(w -> w.getValue().equals(labels.get(w.getKey())));
  }
}
