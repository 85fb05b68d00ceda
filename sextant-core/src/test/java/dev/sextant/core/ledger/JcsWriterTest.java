package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct writer gives the library's bytes for every tree: thousands of random trees of every
 * node kind, strings with escapes, controls, surrogates (paired and lone) and numbers of every
 * width, each compared with what the library makes of the tree's text.
 */
class JcsWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CHARS = "ab\"\\/\n\r\t\b\f\u0000\u001f\u007f é€\u2028\ud83d\ude00";

  @Test
  void random_trees_canonicalise_to_the_librarys_bytes() throws Exception {
    Random random = new Random(8785);
    for (int i = 0; i < 5_000; i++) {
      ObjectNode tree = object(random, 3);

      byte[] direct = JcsWriter.canonical(tree).orElseThrow();

      assertThat(direct).isEqualTo(Jcs.canonical(JSON.writeValueAsString(tree)));
    }
  }

  @Test
  void lone_surrogates_and_big_numbers_match_the_library() throws Exception {
    ObjectNode tree = NODES.objectNode();
    tree.put("lone", "x\ud800y\udc00");
    tree.put("big", 1L << 60);
    tree.put("edge", (1L << 53) + 1);
    tree.put("negative", -(1L << 53));
    tree.put("decimal", new BigDecimal("1.50E+3"));
    tree.put("tiny", new BigDecimal("3E-4"));
    tree.put("float", 0.1f);
    tree.put("huge", new BigInteger("123456789012345678901234567890"));
    tree.put("double", 1e21);
    tree.put("minusZero", -0.0);

    assertThat(JcsWriter.canonical(tree).orElseThrow())
        .isEqualTo(Jcs.canonical(JSON.writeValueAsString(tree)));
  }

  @Test
  void what_it_declines_is_canonicalised_by_the_library_as_before() throws Exception {
    ObjectNode tree = NODES.objectNode();
    tree.put("nan", Double.NaN);
    ObjectNode top = NODES.objectNode();

    assertThat(JcsWriter.canonical(tree)).isEmpty();
    assertThat(JcsWriter.canonical(NODES.textNode("not a container"))).isEmpty();
    assertThat(Jcs.canonical(tree)).isEqualTo(Jcs.canonical(JSON.writeValueAsString(tree)));
    assertThat(Jcs.canonical(top))
        .isEqualTo("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    int members = random.nextInt(6);
    for (int i = 0; i < members; i++) {
      object.set(text(random), value(random, depth));
    }
    return object;
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 12 : 10);
    return switch (kind) {
      case 0 -> NODES.textNode(text(random));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextLong() >> random.nextInt(64));
      case 3 -> NODES.numberNode(finiteDouble(random));
      case 4 ->
          NODES.numberNode(
              new BigDecimal(random.nextInt(2_000_000) - 1_000_000)
                  .scaleByPowerOfTen(random.nextInt(40) - 20));
      case 5 ->
          NODES.numberNode(random.nextFloat() * (float) Math.pow(10, random.nextInt(20) - 10));
      case 6 -> NODES.numberNode(new BigInteger(90, random));
      case 7 -> NODES.booleanNode(random.nextBoolean());
      case 8 -> NODES.nullNode();
      case 9 -> NODES.numberNode(random.nextInt(1000) / 8.0);
      case 10 -> object(random, depth - 1);
      default -> array(random, depth - 1);
    };
  }

  private static ArrayNode array(Random random, int depth) {
    ArrayNode array = NODES.arrayNode();
    int elements = random.nextInt(5);
    for (int i = 0; i < elements; i++) {
      array.add(value(random, depth));
    }
    return array;
  }

  private static double finiteDouble(Random random) {
    double value;
    do {
      value = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(value));
    return value;
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      text.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return text.toString();
  }
}
