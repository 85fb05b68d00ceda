package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.resource.LabelRequirement;
import dev.sextant.core.resource.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A Kubernetes label selector as written in a spec ({@code matchLabels}, {@code matchExpressions});
 * every part must hold, and an empty selector matches everything.
 */
public record Selector(Map<String, String> matchLabels, List<Expression> matchExpressions) {

  public static final Selector EVERYTHING = new Selector(Map.of(), List.of());

  public Selector {
    matchLabels = Defaults.sorted(matchLabels);
    matchExpressions = Defaults.list(matchExpressions);
  }

  public boolean matches(Map<String, String> labels) {
    return toLabelSelector().matches(labels);
  }

  /** The same selector in the form the rest of Sextant matches with. */
  public LabelSelector toLabelSelector() {
    List<LabelRequirement> requirements = new ArrayList<>();
    matchLabels.forEach(
        (key, value) ->
            requirements.add(LabelRequirement.of(key, LabelRequirement.Operator.EQUALS, value)));
    matchExpressions.forEach(e -> requirements.add(e.toRequirement()));
    return new LabelSelector(requirements);
  }

  /** One set-based requirement on a label. */
  public record Expression(String key, Operator operator, List<String> values) {
    public Expression {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = Defaults.list(values);
    }

    LabelRequirement toRequirement() {
      LabelRequirement.Operator op =
          switch (operator) {
            case IN -> LabelRequirement.Operator.IN;
            case NOT_IN -> LabelRequirement.Operator.NOT_IN;
            case EXISTS -> LabelRequirement.Operator.EXISTS;
            case DOES_NOT_EXIST -> LabelRequirement.Operator.DOES_NOT_EXIST;
          };
      return new LabelRequirement(key, op, new TreeSet<>(values));
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
