package dev.sextant.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** PromQL's {@code histogram_quantile} over cumulative bucket counts (promql/quantile.go). */
final class Buckets {
  private Buckets() {}

  static Reading quantile(
      double q, SortedMap<Double, Double> byUpperBound, Selector buckets, int instances) {
    if (byUpperBound.isEmpty() || byUpperBound.lastKey() != Double.POSITIVE_INFINITY) {
      return new Reading.NoData(buckets + " has no le=\"+Inf\" bucket");
    }
    if (byUpperBound.size() < 2) {
      return new Reading.NoData(buckets + " has only the +Inf bucket");
    }
    List<Double> bounds = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    double highest = 0;
    for (Map.Entry<Double, Double> bucket : byUpperBound.entrySet()) {
      // Buckets scraped a moment apart can disagree; PromQL evens them out the same way.
      highest = Math.max(highest, bucket.getValue());
      bounds.add(bucket.getKey());
      counts.add(highest);
    }
    int last = counts.size() - 1;
    double observations = counts.get(last);
    if (observations == 0) {
      return new Reading.NoData("no observations of " + buckets + " between the scrapes");
    }
    double rank = q * observations;
    int b = 0;
    while (b < last && counts.get(b) < rank) {
      b++;
    }
    if (b == last) {
      return new Reading.Value(bounds.get(last - 1), instances);
    }
    if (b == 0 && bounds.get(0) <= 0) {
      return new Reading.Value(bounds.get(0), instances);
    }
    double start = 0;
    double end = bounds.get(b);
    double count = counts.get(b);
    if (b > 0) {
      start = bounds.get(b - 1);
      count -= counts.get(b - 1);
      rank -= counts.get(b - 1);
    }
    // An empty bucket holds a rank only when the rank is 0 (the 0th quantile): its lower bound.
    return new Reading.Value(
        count == 0 ? start : start + (end - start) * (rank / count), instances);
  }
}
