package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.document.NumberBounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The types a fact can have, by the names fingerprint files use ({@code {type: version, value:
 * ...}}), and how a JSON or YAML value becomes a fact of each.
 */
public enum FactType {
  VERSION("version"),
  QUANTITY("quantity"),
  SET("set"),
  LIST("list"),
  STRING("string"),
  BOOL("bool"),
  NUMBER("number");

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final String word;

  FactType(String word) {
    this.word = word;
  }

  /** The name in files, as {@link Fact#type()} returns it. */
  public String word() {
    return word;
  }

  public static Optional<FactType> named(String word) {
    return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
  }

  /** The type of a fact. */
  public static FactType of(Fact fact) {
    return named(fact.type()).orElseThrow();
  }

  /** The names of every type, for messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(FactType::word).toList();
  }

  /**
   * Reads a value into a fact of this type.
   *
   * @param written the scalar exactly as written in the source, when known: a version written as
   *     the YAML number {@code 3.10} is the version "3.10", not the number 3.1
   * @throws IllegalArgumentException saying what was expected and what was found
   */
  public Fact read(JsonNode value, Optional<String> written) {
    return switch (this) {
      case VERSION ->
          new Fact.Version(
              Versions.check(scalarText(value, written, "a version such as 535.104.05")));
      case QUANTITY -> quantity(value);
      case SET -> Fact.Set.of(strings(value));
      case LIST -> new Fact.Sequence(strings(value));
      // Any scalar can name something: a host called 1234, a MIG mode written as true.
      case STRING ->
          new Fact.Text(
              value.isBoolean()
                  ? written.orElse(value.asText())
                  : scalarText(value, written, "a string"));
      case BOOL -> flag(value);
      case NUMBER -> number(value);
    };
  }

  /** What a JSON value is, in words, for messages: "a number", "a list", ... */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "the string \"" + value.textValue() + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.decimalValue().toPlainString();
    }
    if (value.isBoolean()) {
      return "the boolean " + value.booleanValue();
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "a list" : "an object";
  }

  private String scalarText(JsonNode value, Optional<String> written, String expected) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return written.orElseGet(() -> value.decimalValue().toPlainString());
    }
    throw mismatch(value, expected);
  }

  private Fact quantity(JsonNode value) {
    if (value.isTextual()) {
      return Quantities.bytes(value.textValue());
    }
    if (value.isNumber()) {
      return Quantities.bytes(value.decimalValue());
    }
    throw mismatch(value, "an amount of bytes such as 24Gi, \"16384 MiB\" or 25769803776");
  }

  private Fact flag(JsonNode value) {
    if (value.isBoolean()) {
      return new Fact.Flag(value.booleanValue());
    }
    if (value.isTextual()
        && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return new Fact.Flag(Boolean.parseBoolean(value.textValue()));
    }
    throw mismatch(value, "true or false");
  }

  private Fact number(JsonNode value) {
    if (value.isNumber()) {
      return new Fact.Number(value.decimalValue());
    }
    if (value.isTextual() && DECIMAL.matcher(value.textValue()).matches()) {
      NumberBounds.problem(value.textValue())
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
      return new Fact.Number(new java.math.BigDecimal(value.textValue()));
    }
    throw mismatch(value, "a number");
  }

  private List<String> strings(JsonNode value) {
    if (!value.isArray()) {
      throw mismatch(value, "a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        throw new IllegalArgumentException(
            "element "
                + i
                + " is "
                + describe(element)
                + "; a "
                + word
                + " fact holds strings only");
      }
      out.add(element.textValue());
    }
    return out;
  }

  private IllegalArgumentException mismatch(JsonNode value, String expected) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "found %s; a %s fact is %s", describe(value), word, expected));
  }
}
