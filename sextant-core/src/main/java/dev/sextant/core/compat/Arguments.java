package dev.sextant.core.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.validation.DidYouMean;
import dev.sextant.core.validation.WrittenNumbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validator's arguments ({@code with:}), read with checks that name the argument and say what was
 * expected, so that every plug-in reports bad input the same way.
 *
 * <p>Unknown arguments are refused with the nearest known name: a misspelt {@code headrom} must not
 * silently mean "no headroom".
 */
public final class Arguments {
  private final String rule;
  private final ObjectNode with;

  private Arguments(String rule, ObjectNode with) {
    this.rule = rule;
    this.with = with;
  }

  /**
   * The arguments of {@code requirement}, which may only use the names given.
   *
   * @throws InvalidRequirementException for an argument not in {@code names}
   */
  public static Arguments of(Requirement requirement, String... names) {
    String rule = requirement.rule().orElse("requirement");
    ObjectNode with = requirement.with();
    Set<String> known = new TreeSet<>(Arrays.asList(names));
    for (Iterator<String> it = with.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new InvalidRequirementException(
            "with." + name,
            "rule "
                + rule
                + " has no argument \""
                + name
                + "\"; expected "
                + (known.isEmpty() ? "none" : "one of " + String.join(", ", known))
                + DidYouMean.hint(name, known));
      }
    }
    return new Arguments(rule, with);
  }

  public boolean has(String name) {
    return with.hasNonNull(name);
  }

  /** A required argument as text (numbers are accepted as written). */
  public String text(String name) {
    return optionalText(name).orElseThrow(() -> invalid(name, "is missing"));
  }

  public Optional<String> optionalText(String name) {
    JsonNode node = with.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode() || node.isBoolean()) {
      throw invalid(name, "is " + describe(node) + "; expected text");
    }
    String text = scalarText(name, node);
    if (text.isEmpty()) {
      throw invalid(name, "is empty");
    }
    return Optional.of(text);
  }

  /** A required version, checked with {@link Versions#check}. */
  public String version(String name) {
    return optionalVersion(name)
        .orElseThrow(() -> invalid(name, "is missing; expected a version such as 12.4"));
  }

  public Optional<String> optionalVersion(String name) {
    return optionalText(name)
        .map(
            text -> {
              try {
                return Versions.check(text);
              } catch (IllegalArgumentException e) {
                throw invalid(name, e.getMessage());
              }
            });
  }

  /** A required amount of bytes such as {@code 14Gi}, read by {@link Quantities#parse}. */
  public BigDecimal bytes(String name) {
    return optionalBytes(name)
        .orElseThrow(() -> invalid(name, "is missing; expected an amount such as 14Gi"));
  }

  public Optional<BigDecimal> optionalBytes(String name) {
    return optionalText(name)
        .map(
            text -> {
              try {
                return Quantities.parse(text);
              } catch (IllegalArgumentException e) {
                throw invalid(name, e.getMessage());
              }
            });
  }

  /** A whole number of at least {@code least}, if given. */
  public Optional<Integer> count(String name, int least) {
    JsonNode node = with.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < least) {
      throw invalid(
          name, "is " + describe(node) + "; expected a whole number of at least " + least);
    }
    return Optional.of(node.intValue());
  }

  public boolean flag(String name, boolean otherwise) {
    JsonNode node = with.get(name);
    if (node == null || node.isNull()) {
      return otherwise;
    }
    if (!node.isBoolean()) {
      throw invalid(name, "is " + describe(node) + "; expected true or false");
    }
    return node.booleanValue();
  }

  /** One of {@code choices} (case-insensitive), or {@code otherwise} when not given. */
  public String choice(String name, String otherwise, String... choices) {
    Optional<String> given = optionalText(name);
    if (given.isEmpty()) {
      return otherwise;
    }
    String value = given.get().toLowerCase(Locale.ROOT);
    List<String> allowed = Arrays.asList(choices);
    if (!allowed.contains(value)) {
      throw invalid(
          name,
          "is \""
              + given.get()
              + "\"; expected one of "
              + String.join(", ", allowed)
              + DidYouMean.hint(value, allowed));
    }
    return value;
  }

  /** A list of texts; a single text is a list of one. Empty when not given. */
  public List<String> texts(String name) {
    JsonNode node = with.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isValueNode()) {
      return List.of(text(name));
    }
    if (!node.isArray() || node.isEmpty()) {
      throw invalid(
          name, "is " + describe(node) + "; expected a text or a non-empty list of texts");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isValueNode() || item.isBoolean() || item.asText().isBlank()) {
        throw invalid(name, "has an item that is " + describe(item) + "; expected text");
      }
      out.add(scalarText(name, item));
    }
    return List.copyOf(out);
  }

  /**
   * A scalar as text. A number keeps the digits it was written with, but a stored resource keeps
   * numbers in canonical form ({@code 12.10} becomes {@code 12.1}): a number whose digits the store
   * would change is refused, so that a release means the same before and after it is applied.
   */
  private String scalarText(String name, JsonNode node) {
    WrittenNumbers.storedAs(node)
        .ifPresent(
            stored -> {
              throw invalid(
                  name,
                  "is the number "
                      + node.decimalValue()
                      + ", which is stored as "
                      + stored
                      + "; write it quoted: "
                      + name
                      + ": \""
                      + node.decimalValue()
                      + "\"");
            });
    return node.asText().strip();
  }

  /** An error about one argument, for checks the methods above do not make. */
  public InvalidRequirementException invalid(String name, String problem) {
    return new InvalidRequirementException(
        "with." + name, "rule " + rule + ": " + name + " " + problem);
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    return node.toString();
  }
}
