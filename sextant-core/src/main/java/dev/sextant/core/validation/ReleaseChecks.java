package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.fingerprint.FactType;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.KnownFacts;
import dev.sextant.core.plan.PlanInputException;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.resource.Resource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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
  void check(Resource release, SourceDocument document, List<Problem> problems, List<Problem> warnings) {
    for (PlanInputException.Issue issue : planner.check(release)) {
      problems.add(at(document, issue.field(), issue.message()));
    }
    JsonNode variants = release.spec().path("variants");
    for (int v = 0; v < variants.size(); v++) {
      JsonNode requirements = variants.get(v).path("requirements");
      for (int r = 0; r < requirements.size(); r++) {
        FieldPath at = FieldPath.ROOT.child("spec").child("variants").child(v).child("requirements").child(r);
        JsonNode requirement = requirements.get(r);
        if (requirement.path("fact").isTextual()) {
          String key = requirement.get("fact").asText();
          checkWrittenNumbers(key, requirement, at, document, problems);
          KnownFacts.unknown(key).ifPresent(warning -> warnings.add(at(document, at.child("fact"), warning)));
        }
      }
    }
  }

  /**
   * Versions and text are compared as written, but a stored Release keeps numbers in canonical
   * form ({@code 3.10} becomes {@code 3.1}): an operand whose digits the store would change means
   * something else once applied, so it must be quoted. Numbers and quantities keep their value.
   */
  private static void checkWrittenNumbers(String key, JsonNode requirement, FieldPath at, SourceDocument document, List<Problem> problems) {
    Optional<FactType> type = FactTypes.registered(key);
    if (type.isPresent() && (type.get() == FactType.NUMBER || type.get() == FactType.QUANTITY)) {
      return;
    }
    for (String operand : OPERANDS) {
      JsonNode node = requirement.get(operand);
      if (node == null) {
        continue;
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          checkWritten(key, operand, node.get(i), at.child(operand).child(i), document, problems);
        }
      } else {
        checkWritten(key, operand, node, at.child(operand), document, problems);
      }
    }
  }

  private static void checkWritten(String key, String operand, JsonNode node, FieldPath field, SourceDocument document, List<Problem> problems) {
    if (!node.isBigDecimal()) {
      return;
    }
    BigDecimal value = node.decimalValue();
    String written = document.locations().textOf(field).orElse(value.toString());
    String stored = value.stripTrailingZeros().toPlainString();
    if (!stored.equals(written)) {
      problems.add(at(document, field, operand + " on " + key + " is the number " + written + ", which is stored as "
          + stored + "; write it quoted: " + operand + ": \"" + written + "\""));
    }
  }

  private static Problem at(SourceDocument document, FieldPath field, String message) {
    return new Problem(document.source(), document.locations().valueOf(field), field.toString(), message);
  }
}
