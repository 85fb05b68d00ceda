package dev.sextant.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Argument;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Arguments fill a scrape's labels, its ratio's too, and keep what it asks besides; in PromQL they
 * stay inside their label matcher.
 */
class TemplateArgumentsTest {
  @Test
  void a_ratio_keeps_its_denominator_quantile_and_sample_size_with_its_arguments_filled() {
    Provider.Scrape ratio =
        new Provider.Scrape(
            "/metrics",
            Optional.empty(),
            "http_requests_total",
            Map.of("code", "{{args.code}}", "service", "{{args.service}}"),
            Optional.of(
                new Provider.Series("http_requests_total", Map.of("service", "{{args.service}}"))),
            Optional.empty(),
            Optional.of(25L));
    Metric metric =
        new Metric(
            "errors",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("result[0] < 0.05"),
            Optional.empty(),
            0,
            0,
            4,
            false,
            ratio);
    AnalysisTemplateSpec template =
        new AnalysisTemplateSpec(
            "",
            List.of(
                new AnalysisTemplateSpec.Arg("code", Optional.of("500")),
                new AnalysisTemplateSpec.Arg("service", Optional.empty())),
            List.of(metric),
            Optional.empty(),
            Optional.empty());

    Provider.Scrape filled =
        (Provider.Scrape)
            TemplateArguments.apply(template, List.of(new Argument("service", "checkout")))
                .metrics()
                .get(0)
                .provider();

    assertThat(filled.labels()).containsEntry("code", "500").containsEntry("service", "checkout");
    assertThat(filled.over())
        .contains(new Provider.Series("http_requests_total", Map.of("service", "checkout")));
    assertThat(filled.minSamples()).contains(25L);
  }

  private static Provider.Prometheus filledQuery(String query, String service) {
    Metric metric =
        new Metric(
            "errors",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("result[0] < 0.05"),
            Optional.empty(),
            0,
            0,
            4,
            false,
            new Provider.Prometheus(Optional.empty(), Optional.empty(), query));
    AnalysisTemplateSpec template =
        new AnalysisTemplateSpec(
            "",
            List.of(new AnalysisTemplateSpec.Arg("service", Optional.empty())),
            List.of(metric),
            Optional.empty(),
            Optional.empty());
    return (Provider.Prometheus)
        TemplateArguments.apply(template, List.of(new Argument("service", service)))
            .metrics()
            .get(0)
            .provider();
  }

  @Test
  void an_argument_in_a_promql_query_cannot_end_its_label_matcher() {
    Provider.Prometheus filled =
        filledQuery(
            "sum(rate(http_requests_total{service=\"{{args.service}}\"}[1m]))",
            "x\"} or vector(1) or {a=\"\\\n");

    assertThat(filled.query())
        .isEqualTo(
            "sum(rate(http_requests_total{service=\"x\\\"} or vector(1) or {a=\\\"\\\\\\n\"}[1m]))");
  }

  @Test
  void the_burn_rate_window_placeholder_is_left_for_the_gate_to_fill() {
    Provider.Prometheus filled =
        filledQuery("sum(rate(errors{service=\"{{args.service}}\"}[{{window}}]))", "checkout");

    assertThat(filled.query()).isEqualTo("sum(rate(errors{service=\"checkout\"}[{{window}}]))");
  }
}
