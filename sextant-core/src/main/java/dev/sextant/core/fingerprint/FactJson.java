package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The typed JSON form of facts, which files store and digests are computed over:
 *
 * <pre>
 * {"type": "version",  "value": "550.54.15"}
 * {"type": "quantity", "value": "25769803776", "unit": "bytes"}
 * {"type": "set",      "value": ["avx2", "sse4_2"]}      (sorted, no duplicates)
 * {"type": "list",     "value": ["cp311-cp311-manylinux_2_36_x86_64", ...]}   (order kept)
 * {"type": "string",   "value": "debian"}
 * {"type": "bool",     "value": true}
 * {"type": "number",   "value": 8}
 * </pre>
 *
 * The type is part of the form so that the version "12" and the string "12" are different facts
 * with different digests. A quantity's amount is a string of its plain decimal digits, so no JSON
 * reader can round it through a double.
 */
public final class FactJson {
  private FactJson() {}

  /** One fact in typed form. */
  public static ObjectNode write(Fact fact) {
    ObjectNode out = Fact.NODES.objectNode();
    out.put("type", fact.type());
    out.set("value", value(fact));
    if (fact instanceof Fact.Quantity q) {
      out.put("unit", q.unit());
    }
    return out;
  }

  /** Facts in typed form, keyed in the map's order (sorted, for a fingerprint's facts). */
  public static ObjectNode write(Map<String, Fact> facts) {
    ObjectNode out = Fact.NODES.objectNode();
    facts.forEach((key, fact) -> out.set(key, write(fact)));
    return out;
  }

  private static JsonNode value(Fact fact) {
    if (fact instanceof Fact.Quantity q) {
      return Fact.NODES.textNode(q.amount().toPlainString());
    }
    if (fact instanceof Fact.Number n) {
      return number(n.value());
    }
    return fact.toJson();
  }

  /** Whole numbers as integers (8, not 8E+0 or 8.0), so the canonical text is what people write. */
  private static JsonNode number(BigDecimal value) {
    if (value.signum() == 0 || value.scale() <= 0) {
      return Fact.NODES.numberNode(value.toBigIntegerExact());
    }
    return Fact.NODES.numberNode(value);
  }
}
