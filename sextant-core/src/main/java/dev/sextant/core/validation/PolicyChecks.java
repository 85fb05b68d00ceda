package dev.sextant.core.validation;

import dev.sextant.core.compat.cel.PolicyCel;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.PolicySpec;
import dev.sextant.core.resource.spec.Specs;
import java.util.List;

/**
 * A Policy's CEL, compiled when the Policy is read: one that cannot run is refused at its field;
 * and its approvers, which must be people or roles that exist.
 */
final class PolicyChecks {
  private PolicyChecks() {}

  static void check(Resource policy, SourceDocument document, List<Problem> problems) {
    PolicySpec spec = (PolicySpec) Specs.read(policy);
    FieldPath at = FieldPath.ROOT.child("spec");
    PolicyCel.ruleProblem(spec.rule())
        .ifPresent(message -> problems.add(at(document, at.child("rule"), message)));
    spec.messageExpression()
        .flatMap(PolicyCel::messageProblem)
        .ifPresent(message -> problems.add(at(document, at.child("messageExpression"), message)));
    ApproverChecks.check(document, at.child("approvers"), spec.approvers(), problems);
  }

  private static Problem at(SourceDocument document, FieldPath field, String message) {
    return new Problem(
        document.source(), document.locations().valueOf(field), field.toString(), message);
  }
}
