package dev.sextant.core.validation;

import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.resource.spec.StrategySpec;
import java.util.List;

/** A Strategy's approval steps name approvers that exist, as a Policy's do. */
final class StrategyChecks {
  private StrategyChecks() {}

  static void check(Resource strategy, SourceDocument document, List<Problem> problems) {
    StrategySpec spec = (StrategySpec) Specs.read(strategy);
    if (spec.method() instanceof Method.Canary canary) {
      FieldPath steps = FieldPath.ROOT.child("spec").child("canary").child("steps");
      for (int i = 0; i < canary.steps().size(); i++) {
        if (canary.steps().get(i) instanceof Step.Approval approval) {
          ApproverChecks.check(
              document,
              steps.child(i).child("approval").child("approvers"),
              approval.approvers(),
              problems);
        }
      }
    }
  }
}
