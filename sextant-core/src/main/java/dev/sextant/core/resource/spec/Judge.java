package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares canary with baseline measurements as Kayenta's NetflixACAJudge does: each metric is
 * classified with a Mann-Whitney U test and the score (0–100) is the weighted share of metrics that
 * pass. The metrics are those named, or all of the template's when none are; metrics without a
 * group share the group {@value #DEFAULT_GROUP}.
 */
public record Judge(
    MannWhitney mannWhitney, List<JudgedMetric> metrics, Map<String, Double> groups) {

  /** The group of metrics that name none; Kayenta, too, scores ungrouped metrics together. */
  public static final String DEFAULT_GROUP = "default";

  public Judge {
    Objects.requireNonNull(mannWhitney, "mannWhitney");
    metrics = Defaults.list(metrics);
    groups = Defaults.ordered(groups);
    Defaults.uniqueNames("judged metric", "metrics", metrics, JudgedMetric::name);
    checkWeights(metrics, groups);
  }

  /** A judge without group weights, each metric in its own right. */
  public Judge(MannWhitney mannWhitney, List<JudgedMetric> metrics) {
    this(mannWhitney, metrics, Map.of());
  }

  /** The names of the metrics judged: those listed, or else all of the template's. */
  public List<String> metricNames(List<Metric> templateMetrics) {
    if (metrics.isEmpty()) {
      return templateMetrics.stream().map(Metric::name).toList();
    }
    return metrics.stream().map(JudgedMetric::name).toList();
  }

  /** How a metric is judged: as listed, or with the defaults when the list leaves it out. */
  public JudgedMetric metric(String name) {
    return metrics.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseGet(() -> JudgedMetric.named(name));
  }

  /**
   * The effect sizes a metric must reach to be high or low: its own, or the template's {@code
   * effectSize} e read as a ratio of means of 1 + e (higher) and 1 − e (lower, never below 0).
   */
  public EffectSize effectSize(JudgedMetric metric) {
    double e = mannWhitney.effectSize();
    return metric.effectSize().orElseGet(() -> new EffectSize(1 + e, Math.max(0, 1 - e)));
  }

  private static void checkWeights(List<JudgedMetric> metrics, Map<String, Double> groups) {
    if (groups.isEmpty()) {
      return;
    }
    Set<String> used = new LinkedHashSet<>();
    metrics.forEach(m -> used.add(m.group()));
    if (metrics.isEmpty()) {
      used.add(DEFAULT_GROUP);
    }
    double sum = 0;
    for (Map.Entry<String, Double> group : groups.entrySet()) {
      String field = "groups." + group.getKey();
      if (!used.contains(group.getKey())) {
        throw new FieldException(
            field, "no judged metric is in group '" + group.getKey() + "'; groups in use: " + used);
      }
      if (!(group.getValue() > 0 && group.getValue() <= 100)) {
        throw new FieldException(
            field, "a group's weight is a share of the score, above 0 and at most 100");
      }
      sum += group.getValue();
    }
    boolean allWeighted = groups.keySet().containsAll(used);
    if (allWeighted ? Math.abs(sum - 100) > 1e-9 : sum >= 100) {
      throw new FieldException(
          "groups",
          allWeighted
              ? "the weights of the groups add up to " + sum + ", not 100"
              : "the weights add up to "
                  + sum
                  + ", which leaves nothing for the groups without a weight");
    }
  }

  /** The test's confidence, tolerance and effect size, and the score thresholds. */
  public record MannWhitney(
      double confidence, double effectSize, double marginal, double pass, double tolerance) {

    /**
     * Kayenta's tolerance: a difference counts only when the whole confidence interval lies more
     * than this fraction of the estimated shift away from zero.
     */
    public static final double DEFAULT_TOLERANCE = 0.25;

    public MannWhitney {
      if (pass < marginal) {
        throw new IllegalArgumentException(
            "pass threshold " + pass + " is below the marginal threshold " + marginal);
      }
      if (tolerance < 0) {
        throw new FieldException("tolerance", "the tolerance is a fraction, at least 0");
      }
    }

    public MannWhitney(double confidence, double effectSize, double marginal, double pass) {
      this(confidence, effectSize, marginal, pass, DEFAULT_TOLERANCE);
    }

    @JsonCreator
    static MannWhitney read(
        @JsonProperty(value = "confidence", required = true) double confidence,
        @JsonProperty(value = "effectSize", required = true) double effectSize,
        @JsonProperty(value = "marginal", required = true) double marginal,
        @JsonProperty(value = "pass", required = true) double pass,
        @JsonProperty("tolerance") Double tolerance) {
      return new MannWhitney(
          confidence,
          effectSize,
          marginal,
          pass,
          tolerance == null ? DEFAULT_TOLERANCE : tolerance);
    }
  }

  /** Which change of a metric is bad: a rise (latency), a fall (throughput) or either. */
  public enum Direction {
    INCREASE,
    DECREASE,
    EITHER
  }

  /** What a NaN measurement means: nothing (removed), or zero (replaced, e.g. no errors). */
  public enum NanStrategy {
    REMOVE,
    REPLACE
  }

  /** Whether outliers are dropped before the test, and the IQR fence factor that finds them. */
  public record Outliers(boolean remove, double factor) {
    /** Kayenta's factor: only values far outside the interquartile range are outliers. */
    public static final double DEFAULT_FACTOR = 3.0;

    public static final Outliers KEEP = new Outliers(false, DEFAULT_FACTOR);

    public Outliers {
      if (!(factor > 0)) {
        throw new FieldException("outliers.factor", "the IQR factor must be above 0");
      }
    }
  }

  /**
   * The ratio of means (canary / baseline) a significant difference must also reach: at least
   * {@code allowedIncrease} to be high, at most {@code allowedDecrease} to be low.
   */
  public record EffectSize(double allowedIncrease, double allowedDecrease) {
    public EffectSize {
      if (!(allowedIncrease >= 1)) {
        throw new FieldException(
            "effectSize.allowedIncrease", "allowedIncrease is a ratio of means, at least 1");
      }
      if (!(allowedDecrease >= 0 && allowedDecrease <= 1)) {
        throw new FieldException(
            "effectSize.allowedDecrease", "allowedDecrease is a ratio of means, from 0 to 1");
      }
    }
  }

  /**
   * One judged metric and how it is judged (Kayenta's per-metric canary settings), written as a
   * plain name when the defaults do: direction either, NaNs removed, outliers kept, the template's
   * effect size, not critical, data not required, the default group, weight 1 within its group.
   */
  public record JudgedMetric(
      String name,
      Direction direction,
      boolean critical,
      boolean mustHaveData,
      NanStrategy nanStrategy,
      Outliers outliers,
      Optional<EffectSize> effectSize,
      String group,
      double weight) {
    public JudgedMetric {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(nanStrategy, "nanStrategy");
      Objects.requireNonNull(outliers, "outliers");
      effectSize = Defaults.optional(effectSize);
      Objects.requireNonNull(group, "group");
      if (!(weight > 0)) {
        throw new FieldException("weight", "a metric's weight within its group must be above 0");
      }
    }

    /** A metric judged with all the defaults. */
    public static JudgedMetric named(String name) {
      return new JudgedMetric(
          name,
          Direction.EITHER,
          false,
          false,
          NanStrategy.REMOVE,
          Outliers.KEEP,
          Optional.empty(),
          DEFAULT_GROUP,
          1);
    }

    /** A metric's name, or a mapping of its settings; the schema has checked which. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static JudgedMetric of(JsonNode node) {
      if (node.isTextual()) {
        return named(node.textValue());
      }
      if (!node.isObject() || !node.path("name").isTextual()) {
        throw new IllegalArgumentException(
            "a judged metric is a metric's name or a mapping with its name, found "
                + node.getNodeType());
      }
      JsonNode outliers = node.path("outliers");
      JsonNode effect = node.path("effectSize");
      return new JudgedMetric(
          node.get("name").textValue(),
          option(node, "direction", Direction.class, Direction.EITHER),
          node.path("critical").asBoolean(false),
          node.path("mustHaveData").asBoolean(false),
          option(node, "nanStrategy", NanStrategy.class, NanStrategy.REMOVE),
          outliers.isMissingNode()
              ? Outliers.KEEP
              : new Outliers(
                  "remove".equals(outliers.path("strategy").asText("keep")),
                  outliers.path("factor").asDouble(Outliers.DEFAULT_FACTOR)),
          effect.isMissingNode()
              ? Optional.empty()
              : Optional.of(
                  new EffectSize(
                      effect.path("allowedIncrease").asDouble(1),
                      effect.path("allowedDecrease").asDouble(1))),
          node.path("group").asText(DEFAULT_GROUP),
          node.path("weight").asDouble(1));
    }

    private static <E extends Enum<E>> E option(
        JsonNode node, String field, Class<E> type, E absent) {
      JsonNode value = node.path(field);
      if (value.isMissingNode()) {
        return absent;
      }
      try {
        return Enum.valueOf(type, value.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new FieldException(
            field,
            field
                + " is one of "
                + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT)
                + ", not '"
                + value.asText()
                + "'");
      }
    }
  }
}
