package dev.sextant.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typing of plain scalars by the YAML 1.2 core schema. YAML 1.1's wider rules are deliberately not
 * used: they turn {@code no} into false and {@code 1:20} into a number, which is how a country code
 * or a port mapping silently changes meaning.
 */
final class Scalars {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final Pattern NULL_TEXT = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT_TEXT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private Scalars() {}

  /** Types a plain (unquoted, untagged) scalar. */
  static JsonNode plain(String text) {
    return typed(text, Kind.infer(text)).orElseGet(() -> NODES.textNode(text));
  }

  /** Types a scalar whose tag was written out; empty when the text does not fit the tag. */
  static Optional<JsonNode> typed(String text, Kind kind) {
    return switch (kind) {
      case STRING -> Optional.of(NODES.textNode(text));
      case NULL ->
          NULL_TEXT.matcher(text).matches() ? Optional.of(NODES.nullNode()) : Optional.empty();
      case BOOLEAN -> {
        if (TRUE.matcher(text).matches()) {
          yield Optional.of(NODES.booleanNode(true));
        }
        yield FALSE.matcher(text).matches()
            ? Optional.of(NODES.booleanNode(false))
            : Optional.empty();
      }
      case INTEGER -> integer(text);
      case FLOAT -> {
        Optional<JsonNode> asInteger = integer(text);
        yield asInteger.isPresent() ? asInteger : decimal(text);
      }
    };
  }

  /**
   * What makes a number of this kind too large to read ({@link NumberBounds}), or empty; checked
   * before typing, which would otherwise build the number whatever its size.
   */
  static Optional<String> outOfBounds(String text, Kind kind) {
    return kind == Kind.INTEGER || kind == Kind.FLOAT
        ? NumberBounds.problem(text)
        : Optional.empty();
  }

  /** True for {@code .inf} and {@code .nan}, which JSON cannot represent. */
  static boolean isNonFinite(String text) {
    return SPECIAL_FLOAT.matcher(text).matches();
  }

  private static Optional<JsonNode> integer(String text) {
    BigInteger value;
    if (DECIMAL.matcher(text).matches()) {
      value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } else if (OCTAL.matcher(text).matches()) {
      value = new BigInteger(text.substring(2), 8);
    } else if (HEX.matcher(text).matches()) {
      value = new BigInteger(text.substring(2), 16);
    } else {
      return Optional.empty();
    }
    return Optional.of(
        value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value));
  }

  private static Optional<JsonNode> decimal(String text) {
    if (!FLOAT_TEXT.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        NODES.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text)));
  }

  /** The YAML core schema's scalar kinds. */
  enum Kind {
    STRING("a string"),
    NULL("null, ~ or nothing"),
    BOOLEAN("true or false"),
    INTEGER("an integer (such as 42, 0o17 or 0x1F)"),
    FLOAT("a finite number (such as 2.5 or 1e3)");

    /** What a value of this kind looks like, for messages. */
    final String expected;

    Kind(String expected) {
      this.expected = expected;
    }

    static Kind infer(String text) {
      if (NULL_TEXT.matcher(text).matches()) {
        return NULL;
      }
      if (TRUE.matcher(text).matches() || FALSE.matcher(text).matches()) {
        return BOOLEAN;
      }
      if (DECIMAL.matcher(text).matches()
          || OCTAL.matcher(text).matches()
          || HEX.matcher(text).matches()) {
        return INTEGER;
      }
      return FLOAT_TEXT.matcher(text).matches() ? FLOAT : STRING;
    }

    static Optional<Kind> fromTag(String tag) {
      return switch (tag) {
        case "tag:yaml.org,2002:str", "!" -> Optional.of(STRING);
        case "tag:yaml.org,2002:null" -> Optional.of(NULL);
        case "tag:yaml.org,2002:bool" -> Optional.of(BOOLEAN);
        case "tag:yaml.org,2002:int" -> Optional.of(INTEGER);
        case "tag:yaml.org,2002:float" -> Optional.of(FLOAT);
        default -> Optional.empty();
      };
    }
  }
}
