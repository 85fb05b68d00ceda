package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.core.analysis.judge.MetricResult;
import java.util.Locale;

/** A judge's per-metric results as stored, streamed and shown: one JSON object per metric. */
final class JudgementJson {
  private JudgementJson() {}

  static ArrayNode metrics(JudgeResult result) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (MetricResult metric : result.metrics()) {
      ObjectNode node =
          out.addObject()
              .put("metric", metric.metric())
              .put("classification", metric.classification().name().toLowerCase(Locale.ROOT))
              .put("critical", metric.critical())
              .put("failsRun", metric.failsRun())
              .put("reason", metric.reason());
      side(node.putObject("baseline"), metric.baseline());
      side(node.putObject("canary"), metric.canary());
      metric
          .comparison()
          .ifPresent(
              c -> {
                ObjectNode test =
                    node.putObject("test")
                        .put("pValue", c.pValue())
                        .put("estimate", c.estimate())
                        .put("lower", c.lower())
                        .put("upper", c.upper());
                c.meanRatio().ifPresent(r -> test.put("meanRatio", r));
              });
    }
    return out;
  }

  private static void side(ObjectNode node, MetricResult.SampleSummary summary) {
    node.put("count", summary.count()).put("dropped", summary.dropped());
    summary.mean().ifPresent(m -> node.put("mean", m));
  }
}
