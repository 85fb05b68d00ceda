package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns what an absent field gives (null) into the empty value, so specs never hold nulls. */
final class Defaults {
  private Defaults() {}

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** A map in the order it was written, e.g. a variant's parameters. */
  static <V> Map<String, V> ordered(Map<String, V> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A map sorted by key, e.g. facts, which are compared and digested in key order. */
  static <V> Map<String, V> sorted(Map<String, V> values) {
    return values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static ObjectNode object(ObjectNode value) {
    return value == null ? JsonNodeFactory.instance.objectNode() : value.deepCopy();
  }

  /** Throws when two elements share a name; a schema cannot say that names are unique. */
  static <T> void uniqueNames(String what, String field, List<T> values, Function<T, String> name) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      Integer first = seen.putIfAbsent(name.apply(values.get(i)), i);
      if (first != null) {
        throw new DuplicateNameException(
            field + "[" + i + "].name",
            "duplicate "
                + what
                + " name \""
                + name.apply(values.get(i))
                + "\" (already used by "
                + field
                + "["
                + first
                + "])");
      }
    }
  }
}
