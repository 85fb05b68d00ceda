package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A declared fact's value as written: text (versions and quantities are written as text and typed
 * by the fact they belong to), a number, a boolean, or a list of strings such as {@code cpu.flags}.
 */
public sealed interface FactValue {

  record Text(String value) implements FactValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  record Decimal(BigDecimal value) implements FactValue {
    public Decimal {
      Objects.requireNonNull(value, "value");
    }
  }

  record Bool(boolean value) implements FactValue {}

  record TextList(List<String> values) implements FactValue {
    public TextList {
      values = List.copyOf(values);
    }
  }

  /** The value of a JSON scalar or array of strings. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static FactValue of(JsonNode node) {
    if (node.isTextual()) {
      return new Text(node.textValue());
    }
    if (node.isNumber()) {
      return new Decimal(node.decimalValue());
    }
    if (node.isBoolean()) {
      return new Bool(node.booleanValue());
    }
    if (node.isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException("a list fact holds strings only, found " + element);
        }
        values.add(element.textValue());
      }
      return new TextList(values);
    }
    throw new IllegalArgumentException(
        "a fact is a string, number, boolean or list of strings, found " + node.getNodeType());
  }
}
