package dev.sextant.core.analysis.judge;

import dev.sextant.core.resource.spec.Judge;
import dev.sextant.core.resource.spec.Judge.JudgedMetric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kayenta's weighted-sum score: within a group, the weighted share of its metrics that pass, not
 * counting those without data (a group with only those scores 100); across groups, the groups'
 * weights, the groups without one sharing what is left of 100 equally.
 */
final class Scorer {
  /** Kayenta's rule: when at least half of the metrics have no data, the canary fails. */
  static final double NODATA_THRESHOLD = 50;

  private Scorer() {}

  /** A metric's result with how it is judged, which holds its group and weight. */
  record Scored(JudgedMetric metric, MetricResult result) {}

  static double score(Judge judge, List<Scored> scored) {
    Map<String, double[]> groups = new LinkedHashMap<>();
    for (Scored one : scored) {
      double[] passedAndCounted = groups.computeIfAbsent(one.metric().group(), g -> new double[2]);
      if (one.result().classification() != Classification.NODATA) {
        double weight = one.metric().weight();
        passedAndCounted[0] += one.result().classification() == Classification.PASS ? weight : 0;
        passedAndCounted[1] += weight;
      }
    }
    Map<String, Double> weights = judge.groups();
    double given = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    long unweighted = groups.keySet().stream().filter(g -> !weights.containsKey(g)).count();
    double shared = unweighted == 0 ? 0 : (100 - given) / unweighted;
    double score = 0;
    for (Map.Entry<String, double[]> group : groups.entrySet()) {
      double[] passedAndCounted = group.getValue();
      double groupScore =
          passedAndCounted[1] == 0 ? 100 : 100 * passedAndCounted[0] / passedAndCounted[1];
      score += groupScore * weights.getOrDefault(group.getKey(), shared) / 100;
    }
    return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /** Whether at least half of the metrics have no data. */
  static boolean tooManyNodata(List<MetricResult> results) {
    long nodata = results.stream().filter(r -> r.classification() == Classification.NODATA).count();
    return 100.0 * nodata / results.size() >= NODATA_THRESHOLD;
  }
}
