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

/** Arguments fill a scrape's labels, its ratio's too, and keep what it asks besides. */
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
}
