package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to judge a new version from its metrics (Argo Rollouts semantics), optionally with a
 * statistical canary/baseline judge and an SLO burn-rate gate over metrics of this template.
 */
public record AnalysisTemplateSpec(
    String description,
    List<Arg> args,
    List<Metric> metrics,
    Optional<Judge> judge,
    Optional<BurnRate> burnRate)
    implements Spec {

  public AnalysisTemplateSpec {
    description = Defaults.text(description);
    args = Defaults.list(args);
    metrics = Defaults.list(metrics);
    judge = Defaults.optional(judge);
    burnRate = Defaults.optional(burnRate);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("an analysis template needs at least one metric");
    }
    Defaults.uniqueNames("argument", "args", args, Arg::name);
    Defaults.uniqueNames("metric", "metrics", metrics, Metric::name);
    Set<String> names = metrics.stream().map(Metric::name).collect(Collectors.toSet());
    judge.ifPresent(j -> j.metrics().forEach(m -> requireMetric(names, m.name(), "judge")));
    burnRate.ifPresent(b -> requireMetric(names, b.metric(), "burnRate"));
  }

  @Override
  public Kind kind() {
    return Kind.ANALYSIS_TEMPLATE;
  }

  private static void requireMetric(Set<String> names, String metric, String user) {
    if (!names.contains(metric)) {
      throw new IllegalArgumentException(
          user + " names metric '" + metric + "', which the template does not define");
    }
  }

  /** An argument the template takes, with its default value when it has one. */
  public record Arg(String name, Optional<String> value) {
    public Arg {
      Objects.requireNonNull(name, "name");
      value = Defaults.optional(value);
    }
  }
}
