package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.resource.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a JSON Schema cannot state: positive durations, and names unique within a list. */
final class SemanticRules {
  private static final Pattern ZERO_DURATION = Pattern.compile("^(0+(\\.0+)?(ns|us|µs|ms|s|m|h))+$");
  private static final Set<String> DURATION_FIELDS =
      Set.of("duration", "interval", "initialDelay", "scaleDownDelay", "batchPause", "soak", "timeout");
  private static final Set<String> NAMED_LISTS = Set.of("variants", "metrics", "stages", "args");

  private SemanticRules() {}

  static List<Problem> check(Kind kind, SourceDocument document) {
    List<Problem> problems = new ArrayList<>();
    walk(document, FieldPath.ROOT, document.tree(), problems);
    return problems;
  }

  private static void walk(SourceDocument document, FieldPath path, JsonNode node, List<Problem> problems) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        FieldPath child = path.child(e.getKey());
        JsonNode value = e.getValue();
        if (DURATION_FIELDS.contains(e.getKey()) && value.isTextual() && ZERO_DURATION.matcher(value.asText()).matches()) {
          problems.add(new Problem(document.source(), document.locations().valueOf(child), child.toString(),
              "expected a positive duration such as 30s or 5m, found \"" + value.asText() + "\""));
        }
        if (NAMED_LISTS.contains(e.getKey()) && value.isArray()) {
          uniqueNames(document, child, value, problems);
        }
        walk(document, child, value, problems);
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(document, path.child(i), node.get(i), problems);
      }
    }
  }

  private static void uniqueNames(SourceDocument document, FieldPath list, JsonNode items, List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode name = items.get(i).get("name");
      if (name == null || !name.isTextual()) {
        continue;
      }
      Integer first = seen.putIfAbsent(name.asText(), i);
      if (first != null) {
        FieldPath field = list.child(i).child("name");
        problems.add(new Problem(document.source(), document.locations().valueOf(field), field.toString(),
            "duplicate name \"" + name.asText() + "\" (already used by " + list.child(first) + ")"));
      }
    }
  }
}
