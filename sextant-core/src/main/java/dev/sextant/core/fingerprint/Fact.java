package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One typed fact about an environment, so that comparisons are exact: a driver version compares by
 * its numeric segments, a quantity by its amount in base units, a set by membership.
 */
public sealed interface Fact {
  JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /**
   * The type's name as written in fingerprint files: version, quantity, set, list, string, bool,
   * number.
   */
  String type();

  /**
   * The value as plain JSON, without its type (a quantity as {@code {"amount", "unit"}}). Files and
   * digests use the typed form of {@link FactJson}, which also says what the value is.
   */
  JsonNode toJson();

  /** The value as a person reads it in a table. */
  String display();

  /** A dotted version (a driver, kernel, CUDA or glibc version): compared segment by segment. */
  record Version(String value) implements Fact, Comparable<Version> {
    public Version {
      Objects.requireNonNull(value, "value");
    }

    /** Orders by {@link Versions#compare}: {@code 550.54.15} is newer than {@code 535.104.05}. */
    @Override
    public int compareTo(Version other) {
      return Versions.compare(value, other.value);
    }

    public boolean atLeast(String minimum) {
      return Versions.atLeast(value, minimum);
    }

    public String type() {
      return "version";
    }

    public JsonNode toJson() {
      return NODES.textNode(value);
    }

    public String display() {
      return value;
    }
  }

  /**
   * An amount of something with a unit, held in the base unit (bytes for memory and disk), so that
   * {@code 16Gi} and {@code 17179869184} are the same fact.
   */
  record Quantity(BigDecimal amount, String unit) implements Fact {
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);
    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    public Quantity {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(unit, "unit");
      amount = amount.stripTrailingZeros();
    }

    public static Quantity bytes(long bytes) {
      return new Quantity(BigDecimal.valueOf(bytes), "bytes");
    }

    public String type() {
      return "quantity";
    }

    public JsonNode toJson() {
      return NODES.objectNode().put("amount", amount.toPlainString()).put("unit", unit);
    }

    public String display() {
      String exact = amount.toPlainString() + " " + unit;
      if (!unit.equals("bytes") || amount.compareTo(KIBI) < 0) {
        return exact;
      }
      double value = amount.doubleValue();
      int i = -1;
      while (value >= 1024 && i < BINARY_UNITS.length - 1) {
        value /= 1024;
        i++;
      }
      // As String.format's %.1f rounds (half up, from the shortest decimal form of the double),
      // without the Formatter: planning shows thousands of memory facts, and formatting was most
      // of the cost of a memory check.
      String rounded =
          BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
      return exact + " (" + rounded + " " + BINARY_UNITS[i] + ")";
    }
  }

  /** An unordered set of names, such as CPU flags: compared by membership. */
  record Set(SortedSet<String> values) implements Fact {
    public Set {
      values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    public static Set of(java.util.Collection<String> values) {
      return new Set(new TreeSet<>(values));
    }

    public String type() {
      return "set";
    }

    public JsonNode toJson() {
      ArrayNode out = NODES.arrayNode();
      values.forEach(out::add);
      return out;
    }

    public String display() {
      return String.join(" ", values);
    }
  }

  /** An ordered list whose order means something, such as Python's tags, most preferred first. */
  record Sequence(List<String> values) implements Fact {
    public Sequence {
      values = List.copyOf(values);
    }

    public String type() {
      return "list";
    }

    public JsonNode toJson() {
      ArrayNode out = NODES.arrayNode();
      values.forEach(out::add);
      return out;
    }

    public String display() {
      return values.size() <= 3
          ? String.join(" ", values)
          : values.get(0) + " … " + values.get(values.size() - 1) + " (" + values.size() + ")";
    }
  }

  /** Plain text compared exactly, such as an OS id or a GPU model. */
  record Text(String value) implements Fact {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    public String type() {
      return "string";
    }

    public JsonNode toJson() {
      return NODES.textNode(value);
    }

    public String display() {
      return value;
    }
  }

  /** A yes/no fact, such as whether MIG is enabled or a port is reachable. */
  record Flag(boolean value) implements Fact {
    public String type() {
      return "bool";
    }

    public JsonNode toJson() {
      return NODES.booleanNode(value);
    }

    public String display() {
      return Boolean.toString(value);
    }
  }

  /** A plain count or measure without a unit, such as the number of GPUs or CPU cores. */
  record Number(BigDecimal value) implements Fact {
    public Number {
      Objects.requireNonNull(value, "value");
      value = value.stripTrailingZeros();
    }

    public static Number of(long value) {
      return new Number(BigDecimal.valueOf(value));
    }

    public String type() {
      return "number";
    }

    public JsonNode toJson() {
      return NODES.numberNode(value);
    }

    public String display() {
      return value.toPlainString();
    }
  }
}
