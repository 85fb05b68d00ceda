package dev.sextant.server.analysis;

import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.server.analysis.prometheus.PromQl;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AnalysisTemplate's {@code {{args.NAME}}} placeholders filled in, as Argo Rollouts fills them:
 * the rollout's argument, else the template's default. Conditions, the scrape's path, metric and
 * label values, and a PromQL query may use them.
 *
 * <p>In a PromQL query a value is escaped for a double-quoted string ({@code
 * {service="{{args.service}}"}}), so that an argument cannot end its label matcher and add
 * selectors of its own; arguments belong inside double quotes there. Other placeholders, such as
 * the burn-rate gate's {@code {{window}}}, are left in place for whoever fills them.
 */
final class TemplateArguments {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*args\\.([\\w-]+)\\s*}}");

  private TemplateArguments() {}

  /**
   * The template with every placeholder replaced.
   *
   * @throws IllegalArgumentException when a placeholder names an argument that has no value
   */
  static AnalysisTemplateSpec apply(AnalysisTemplateSpec template, Iterable<Argument> args) {
    Map<String, String> values = new HashMap<>();
    template.args().forEach(arg -> arg.value().ifPresent(v -> values.put(arg.name(), v)));
    args.forEach(arg -> values.put(arg.name(), arg.value()));
    return new AnalysisTemplateSpec(
        template.description(),
        template.args(),
        template.metrics().stream().map(m -> fill(m, values)).toList(),
        template.judge(),
        template.burnRate());
  }

  private static Metric fill(Metric metric, Map<String, String> values) {
    return new Metric(
        metric.name(),
        metric.interval(),
        metric.initialDelay(),
        metric.count(),
        metric.successCondition().map(c -> fill(c, values, metric)),
        metric.failureCondition().map(c -> fill(c, values, metric)),
        metric.failureLimit(),
        metric.inconclusiveLimit(),
        metric.consecutiveErrorLimit(),
        metric.dryRun(),
        fill(metric.provider(), values, metric));
  }

  private static Provider fill(Provider provider, Map<String, String> values, Metric metric) {
    if (provider instanceof Provider.Scrape scrape) {
      Map<String, String> labels = new TreeMap<>();
      scrape.labels().forEach((k, v) -> labels.put(k, fill(v, values, metric)));
      return new Provider.Scrape(
          fill(scrape.path(), values, metric),
          scrape.port(),
          fill(scrape.metric(), values, metric),
          labels,
          scrape
              .over()
              .map(
                  over -> {
                    Map<String, String> overLabels = new TreeMap<>();
                    over.labels().forEach((k, v) -> overLabels.put(k, fill(v, values, metric)));
                    return new Provider.Series(fill(over.metric(), values, metric), overLabels);
                  }),
          scrape.quantile(),
          scrape.minSamples());
    }
    Provider.Prometheus prometheus = (Provider.Prometheus) provider;
    return new Provider.Prometheus(
        prometheus.address(),
        prometheus.bearerToken(),
        fill(prometheus.query(), values, metric, PromQl::escape));
  }

  private static String fill(String text, Map<String, String> values, Metric metric) {
    return fill(text, values, metric, UnaryOperator.identity());
  }

  private static String fill(
      String text, Map<String, String> values, Metric metric, UnaryOperator<String> quote) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "metric "
                + metric.name()
                + " uses {{args."
                + placeholder.group(1)
                + "}}, which has no value and no default");
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(quote.apply(value)));
    }
    return placeholder.appendTail(filled).toString();
  }
}
