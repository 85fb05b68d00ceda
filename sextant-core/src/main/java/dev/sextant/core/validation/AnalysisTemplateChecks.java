package dev.sextant.core.validation;

import dev.sextant.core.analysis.Conditions;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Specs;
import java.util.List;
import java.util.Optional;

/**
 * An AnalysisTemplate's conditions, compiled when it is read: one that cannot run would otherwise
 * be found only as measurement errors, minutes into a rollout.
 */
final class AnalysisTemplateChecks {
  private AnalysisTemplateChecks() {}

  static void check(Resource template, SourceDocument document, List<Problem> problems) {
    AnalysisTemplateSpec spec = (AnalysisTemplateSpec) Specs.read(template);
    FieldPath metrics = FieldPath.ROOT.child("spec").child("metrics");
    for (int i = 0; i < spec.metrics().size(); i++) {
      Metric metric = spec.metrics().get(i);
      FieldPath at = metrics.child(i);
      condition(metric.successCondition(), document, at.child("successCondition"), problems);
      condition(metric.failureCondition(), document, at.child("failureCondition"), problems);
    }
  }

  private static void condition(
      Optional<String> condition,
      SourceDocument document,
      FieldPath field,
      List<Problem> problems) {
    condition
        .flatMap(Conditions::problem)
        .ifPresent(
            message ->
                problems.add(
                    new Problem(
                        document.source(),
                        document.locations().valueOf(field),
                        field.toString(),
                        message)));
  }
}
