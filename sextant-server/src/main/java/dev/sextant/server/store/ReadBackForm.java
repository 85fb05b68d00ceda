package dev.sextant.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;
import java.util.Iterator;

/**
 * Whether a JSON tree is already what writing it as canonical JSON and reading that back with
 * {@link JsonText} would give, node for node and in the same key order: then an event's detail need
 * not make that round trip. True of every detail read from the store, whose text is canonical; a
 * tree with anything the round trip changes (a decimal, a small number held as a long, keys out of
 * order, a node of another kind) is not, and makes the round trip as before.
 */
final class ReadBackForm {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ReadBackForm() {}

  static boolean holds(JsonNode node) {
    if (node.isObject()) {
      String previous = null;
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        // Canonical JSON sorts names as String.compareTo does, and reading keeps that order.
        if (previous != null && previous.compareTo(name) >= 0 || !holds(node.get(name))) {
          return false;
        }
        previous = name;
      }
      return true;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!holds(element)) {
          return false;
        }
      }
      return true;
    }
    if (node.isTextual() || node.isBoolean() || node.isNull() || node instanceof IntNode) {
      return true;
    }
    // Reading gives the smallest of int, long and big integer that holds the number.
    if (node instanceof LongNode number) {
      long value = number.longValue();
      return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE;
    }
    if (node instanceof BigIntegerNode number) {
      BigInteger value = number.bigIntegerValue();
      return value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0;
    }
    return false;
  }
}
