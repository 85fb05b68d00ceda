package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.fingerprint.KnownFacts;
import dev.sextant.core.plan.PlanInputException;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.resource.Resource;
import java.util.List;

/**
 * What plan would refuse in a Release before it considers any environment, found when the Release
 * is read: every requirement and parameter goes through the code that plan prepares them with, so
 * that {@code validate} and {@code apply} accept only what can be planned.
 */
final class ReleaseChecks {
  private static final List<String> OPERANDS = List.of("equals", "min", "max", "range", "in");

  private final Planner planner;

  ReleaseChecks(Validators validators) {
    this.planner = new Planner(validators);
  }

  /** Each problem at its field; nothing when the Release can be planned. */
  void check(
      Resource release, SourceDocument document, List<Problem> problems, List<Problem> warnings) {
    for (PlanInputException.Issue issue : planner.check(release)) {
      problems.add(at(document, issue.field(), issue.message()));
    }
    JsonNode variants = release.spec().path("variants");
    for (int v = 0; v < variants.size(); v++) {
      JsonNode requirements = variants.get(v).path("requirements");
      for (int r = 0; r < requirements.size(); r++) {
        FieldPath at =
            FieldPath.ROOT.child("spec").child("variants").child(v).child("requirements").child(r);
        JsonNode requirement = requirements.get(r);
        if (requirement.path("fact").isTextual()) {
          String key = requirement.get("fact").asText();
          checkWrittenNumbers(key, requirement, at, document, problems);
          KnownFacts.unknown(key)
              .ifPresent(warning -> warnings.add(at(document, at.child("fact"), warning)));
        }
      }
    }
  }

  private static void checkWrittenNumbers(
      String key,
      JsonNode requirement,
      FieldPath at,
      SourceDocument document,
      List<Problem> problems) {
    if (!WrittenNumbers.readAsWritten(key)) {
      return;
    }
    for (String operand : OPERANDS) {
      JsonNode node = requirement.path(operand);
      String what = operand + " on " + key;
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          WrittenNumbers.check(document, at.child(operand).child(i), operand, what, node.get(i))
              .ifPresent(problems::add);
        }
      } else {
        WrittenNumbers.check(document, at.child(operand), operand, what, node)
            .ifPresent(problems::add);
      }
    }
  }

  private static Problem at(SourceDocument document, FieldPath field, String message) {
    return new Problem(
        document.source(), document.locations().valueOf(field), field.toString(), message);
  }
}
