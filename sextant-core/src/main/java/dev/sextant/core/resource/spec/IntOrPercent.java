package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/** A count or a percentage, like Kubernetes' IntOrString in {@code maxSurge: 25%}. */
public record IntOrPercent(int value, boolean percent) {
  public IntOrPercent {
    if (value < 0 || (percent && value > 100)) {
      throw new IllegalArgumentException("'" + text(value, percent) + "' is out of range");
    }
  }

  public static IntOrPercent count(int value) {
    return new IntOrPercent(value, false);
  }

  public static IntOrPercent percentage(int value) {
    return new IntOrPercent(value, true);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static IntOrPercent of(JsonNode node) {
    if (node.isIntegralNumber()) {
      return count(node.intValue());
    }
    String text = node.asText();
    if (node.isTextual() && text.matches("[0-9]{1,3}%")) {
      return percentage(Integer.parseInt(text.substring(0, text.length() - 1)));
    }
    throw new IllegalArgumentException("'" + text + "' is neither a count nor a percentage");
  }

  @Override
  public String toString() {
    return text(value, percent);
  }

  private static String text(int value, boolean percent) {
    return percent ? value + "%" : Integer.toString(value);
  }
}
