package dev.sextant.core.resource;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One condition of a label selector, such as {@code tier=prod} or {@code region notin (eu,us)}. As
 * in Kubernetes, the negative operators ({@code !=}, {@code notin}) also match resources that do
 * not have the label at all.
 */
public record LabelRequirement(String key, Operator operator, SortedSet<String> values) {

  /** The operators of the Kubernetes label selector syntax. */
  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  public LabelRequirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    int expected =
        switch (operator) {
          case EQUALS, NOT_EQUALS -> 1;
          case EXISTS, DOES_NOT_EXIST -> 0;
          case IN, NOT_IN -> -1;
        };
    if (expected >= 0 ? values.size() != expected : values.isEmpty()) {
      throw new IllegalArgumentException(operator + " cannot take the values " + values);
    }
  }

  public static LabelRequirement of(String key, Operator operator, String... values) {
    return new LabelRequirement(key, operator, new TreeSet<>(Set.of(values)));
  }

  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case EQUALS, IN -> value != null && values.contains(value);
      case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
    };
  }

  /** The requirement in selector syntax, e.g. {@code region in (eu,us)}. */
  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.first();
      case NOT_EQUALS -> key + "!=" + values.first();
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
    };
  }
}
