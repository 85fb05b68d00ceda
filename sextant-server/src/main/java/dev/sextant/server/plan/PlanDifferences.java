package dev.sextant.server.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.PlanReplayed.PlanDifference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where two plan documents differ, as JSON pointers to the values that differ, the first {@link
 * #MAX} of them: what a replay shows when its digest is not the recorded one. A stored plan is JSON
 * only (its {@code Plan} is not kept), so the documents are compared rather than the plans.
 */
final class PlanDifferences {
  static final int MAX = 50;

  private PlanDifferences() {}

  static List<PlanDifference> between(JsonNode recorded, JsonNode replayed) {
    List<PlanDifference> found = new ArrayList<>();
    walk("", recorded, replayed, found);
    return found;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<PlanDifference> found) {
    if (found.size() >= MAX || (a != null && a.equals(b))) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(path + "/" + escape(name), a.get(name), b.get(name), found);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      Iterator<JsonNode> left = a.elements();
      Iterator<JsonNode> right = b.elements();
      for (int i = 0; left.hasNext() || right.hasNext(); i++) {
        walk(
            path + "/" + i,
            left.hasNext() ? left.next() : null,
            right.hasNext() ? right.next() : null,
            found);
      }
    } else {
      found.add(new PlanDifference(path.isEmpty() ? "/" : path, text(a), text(b)));
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node == null
        ? Optional.empty()
        : Optional.of(node.isTextual() ? node.asText() : node.toString());
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
