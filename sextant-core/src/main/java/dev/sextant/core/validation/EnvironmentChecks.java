package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.KnownFacts;
import dev.sextant.core.resource.Resource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An Environment's declared facts as drift and plans will read them: a version written as a number
 * the store would change is refused, and a key nobody knows is warned about, since a misspelt one
 * never matches what the hosts report.
 */
final class EnvironmentChecks {
  private EnvironmentChecks() {}

  static void check(
      Resource environment,
      SourceDocument document,
      List<Problem> problems,
      List<Problem> warnings) {
    FieldPath facts = FieldPath.ROOT.child("spec").child("facts");
    for (Iterator<Map.Entry<String, JsonNode>> it = environment.spec().path("facts").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> fact = it.next();
      String key = fact.getKey();
      FieldPath field = facts.child(key);
      // A declared number of no registered type is a number fact, whose digits do not matter.
      if (FactTypes.registered(key).map(WrittenNumbers::readAsWritten).orElse(false)) {
        WrittenNumbers.check(document, field, key, "fact " + key, fact.getValue())
            .ifPresent(problems::add);
      }
      KnownFacts.unknown(key)
          .ifPresent(
              warning ->
                  warnings.add(
                      new Problem(
                          document.source(),
                          document.locations().keyOf(field),
                          field.toString(),
                          warning)));
    }
  }
}
