package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.resource.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector as written in a spec ({@code matchLabels}, {@code matchExpressions});
 * every part must hold, and an empty selector matches everything.
 */
public record Selector(Map<String, String> matchLabels, List<Expression> matchExpressions)
    implements LabelSelector {

  public static final Selector EVERYTHING = new Selector(Map.of(), List.of());

  public Selector {
    matchLabels = Defaults.sorted(matchLabels);
    matchExpressions = Defaults.list(matchExpressions);
  }

  @Override
  public boolean matches(Map<String, String> labels) {
    return matchLabels.entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
        && matchExpressions.stream().allMatch(e -> e.matches(labels));
  }

  /** One set-based requirement on a label. */
  public record Expression(String key, Operator operator, List<String> values) {
    public Expression {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = Defaults.list(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case IN -> value != null && values.contains(value);
        // As in Kubernetes: a missing label is "not in" any set.
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }
  }

  /** How a label's value relates to the expression's values. */
  public enum Operator {
    @JsonProperty("In")
    IN,
    @JsonProperty("NotIn")
    NOT_IN,
    @JsonProperty("Exists")
    EXISTS,
    @JsonProperty("DoesNotExist")
    DOES_NOT_EXIST
  }
}
