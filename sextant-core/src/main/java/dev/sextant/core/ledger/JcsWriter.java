package dev.sextant.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.erdtman.jcs.NumberToJSON;

/**
 * Writes RFC 8785 bytes straight from a Jackson tree, where the library would take the tree's text,
 * parse it again into maps and write that: the ledger hashes every entry on each append and again
 * on each verification, and the round trip was most of an entry's cost. It gives the library's
 * exact bytes (its escapes, its key order, its numbers through the same {@link NumberToJSON}), and
 * declines a tree it cannot be sure of (a top that is no container, a number that is not finite, a
 * node that is no JSON value), for {@link Jcs} to canonicalise the slow way with its own error.
 */
final class JcsWriter {
  /** The library's grammar of a number token; a node whose text is outside it is declined. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /** Integers up to 2^53 are written by ECMAScript as their digits, as {@link Long} writes them. */
  private static final long EXACT = 1L << 53;

  private final StringBuilder out = new StringBuilder(256);

  private JcsWriter() {}

  /** The canonical bytes, or empty where the library must decide. */
  static Optional<byte[]> canonical(JsonNode json) {
    if (!json.isObject() && !json.isArray()) {
      return Optional.empty();
    }
    JcsWriter writer = new JcsWriter();
    if (!writer.value(json)) {
      return Optional.empty();
    }
    return Optional.of(writer.out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private boolean value(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return object(node);
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          if (!value(node.get(i))) {
            return false;
          }
        }
        out.append(']');
        return true;
      case STRING:
        string(node.textValue());
        return true;
      case NUMBER:
        return number(node);
      case BOOLEAN:
        out.append(node.booleanValue());
        return true;
      case NULL:
        out.append("null");
        return true;
      default:
        return false;
    }
  }

  private boolean object(JsonNode node) {
    List<String> names = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    // String order is UTF-16 code unit order, which is RFC 8785's (and the library's TreeMap's).
    Collections.sort(names);
    out.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(names.get(i));
      out.append(':');
      if (!value(node.get(names.get(i)))) {
        return false;
      }
    }
    out.append('}');
    return true;
  }

  private boolean number(JsonNode node) {
    double value;
    if (node.isInt() || node.isLong()) {
      long exact = node.longValue();
      if (exact >= -EXACT && exact <= EXACT) {
        out.append(exact);
        return true;
      }
      value = exact;
    } else if (node.isDouble()) {
      // Jackson writes Double.toString, which reads back as the same double.
      value = node.doubleValue();
    } else {
      // Decimals, floats and big integers: the text Jackson writes, read as the library reads it.
      String text = node.asText();
      if (!NUMBER.matcher(text).matches()) {
        return false;
      }
      value = Double.parseDouble(text);
    }
    if (!Double.isFinite(value)) {
      return false;
    }
    try {
      out.append(NumberToJSON.serializeNumber(value));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The library's escapes: the two-letter ones, other controls as lower-case \\u00xx. */
  private void string(String text) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      // Runs of characters written as they are go out whole, between the ones escaped.
      out.append(text, plain, i);
      plain = i + 1;
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"', '\\' -> out.append('\\').append(c);
        default ->
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xf, 16));
      }
    }
    out.append(text, plain, text.length()).append('"');
  }
}
