package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sextant.core.resource.spec.FactValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the type of a fact from its key, so that hand-written files and declared facts mean the
 * same as what probes observe: {@code memory.total: 24Gi} is a quantity of bytes, {@code
 * os.version: 12} a version, {@code cpu.flags} a set.
 *
 * <p>Known keys (DESIGN §3) have a registered type; the first rule that matches wins:
 *
 * <ul>
 *   <li>bool: {@code network.reach.*}
 *   <li>number: {@code *.count}, {@code cpu.cores}, {@code cpu.threads}, {@code cpu.sockets}
 *   <li>version: {@code *.version}, {@code cuda.driver.max}, {@code cuda.runtime.max}, {@code
 *       gpu[i].compute_capability}, {@code packages.*}
 *   <li>quantity (bytes): {@code memory.*}, {@code gpu[i].memory}, {@code disk.*}
 *   <li>set: {@code cpu.flags}; list (ordered): {@code python.tags}
 *   <li>string: {@code os.id}, {@code os.name}, {@code cpu.arch}, {@code cpu.model}, {@code
 *       cpu.vendor}, {@code hostname}, {@code libc.family}, {@code python.implementation}, {@code
 *       gpu[i].model}, {@code gpu.mig.mode}, {@code gpu[i].mig.mode}
 * </ul>
 *
 * <p>Any other key takes its type from its value: a string is a string, a number a number, a
 * boolean a bool, a list an (ordered) list. A file can always say otherwise with the explicit form
 * {@code {type: set, value: [...]}}.
 */
public final class FactTypes {
  private static final String INDEX = "\\[[0-9]+\\]";
  private static final List<Rule> RULES =
      List.of(
          rule(FactType.BOOL, "network\\.reach\\..+"),
          rule(FactType.NUMBER, ".*\\.count|cpu\\.(cores|threads|sockets)"),
          rule(
              FactType.VERSION,
              ".*\\.version|cuda\\.(driver|runtime)\\.max|gpu"
                  + INDEX
                  + "\\.compute_capability|packages\\..+"),
          rule(FactType.QUANTITY, "memory\\..+|gpu" + INDEX + "\\.memory|disk\\..+"),
          rule(FactType.SET, "cpu\\.flags"),
          rule(FactType.LIST, "python\\.tags"),
          rule(
              FactType.STRING,
              "os\\.(id|name)|cpu\\.(arch|model|vendor)|hostname|libc\\.family|python\\.implementation"
                  + "|gpu"
                  + INDEX
                  + "\\.model|gpu("
                  + INDEX
                  + ")?\\.mig\\.mode"));

  private FactTypes() {}

  /** The registered type of a key, if it is a known one. */
  public static Optional<FactType> registered(String key) {
    return RULES.stream().filter(r -> r.pattern.matcher(key).matches()).map(Rule::type).findFirst();
  }

  /** The type a key's value gets: the registered one, or one inferred from the value. */
  public static FactType typeOf(String key, JsonNode value) {
    return registered(key).orElseGet(() -> inferred(value));
  }

  /**
   * A fact from a key and a JSON value.
   *
   * @throws IllegalArgumentException when the value does not fit the key's type
   */
  public static Fact fact(String key, JsonNode value) {
    return fact(key, value, Optional.empty());
  }

  /**
   * A fact from a key and a value read from a file.
   *
   * @param written the scalar exactly as written, which versions keep ({@code 3.10} stays 3.10)
   * @throws IllegalArgumentException when the value does not fit the key's type
   */
  public static Fact fact(String key, JsonNode value, Optional<String> written) {
    return typeOf(key, value).read(value, written);
  }

  /**
   * A declared fact (an Environment's {@code spec.facts}) typed as the same key would be in a
   * fingerprint, so that a declared {@code 24Gi} equals 25769803776 bytes observed.
   *
   * @throws IllegalArgumentException when the value does not fit the key's type
   */
  public static Fact declared(String key, FactValue value) {
    return fact(key, json(value), written(value));
  }

  /** A declared fact typed as {@code type}, whatever its key. */
  static Fact declared(FactType type, FactValue value) {
    return type.read(json(value), written(value));
  }

  /** A declared fact typed by its value alone, as written: the fallback that never fails. */
  static Fact asWritten(FactValue value) {
    JsonNode json = json(value);
    return inferred(json).read(json, written(value));
  }

  static FactType inferred(JsonNode value) {
    if (value.isBoolean()) {
      return FactType.BOOL;
    }
    if (value.isNumber()) {
      return FactType.NUMBER;
    }
    if (value.isArray()) {
      return FactType.LIST;
    }
    if (value.isTextual()) {
      return FactType.STRING;
    }
    throw new IllegalArgumentException(
        "found "
            + FactType.describe(value)
            + "; a fact is a string, number, boolean or list of"
            + " strings, or the explicit form {type: ..., value: ...}");
  }

  private static JsonNode json(FactValue value) {
    // Java 17 has no pattern matching in switch; FactValue is sealed, so this chain is complete.
    if (value instanceof FactValue.Text t) {
      return Fact.NODES.textNode(t.value());
    }
    if (value instanceof FactValue.Decimal d) {
      return Fact.NODES.numberNode(d.value());
    }
    if (value instanceof FactValue.Bool b) {
      return Fact.NODES.booleanNode(b.value());
    }
    ArrayNode out = Fact.NODES.arrayNode();
    ((FactValue.TextList) value).values().forEach(out::add);
    return out;
  }

  private static Optional<String> written(FactValue value) {
    return value instanceof FactValue.Decimal d
        ? Optional.of(d.value().toPlainString())
        : Optional.empty();
  }

  private static Rule rule(FactType type, String regex) {
    return new Rule(Pattern.compile(regex), type);
  }

  private record Rule(Pattern pattern, FactType type) {}
}
