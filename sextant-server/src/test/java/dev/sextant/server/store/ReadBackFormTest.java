package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tree said to be in read-back form is what the round trip through canonical JSON gives, node for
 * node and in key order; one that the round trip would change is not said to be.
 */
class ReadBackFormTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static ObjectNode roundTrip(JsonNode tree) {
    return JsonText.object(CanonicalJson.string(tree), "the test tree");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"a\":1,\"b\":[true,null,\"x\",{\"c\":-5}],\"d\":{\"e\":\"f\"}}",
        "{\"big\":12345678901,\"bigger\":123456789012345678901234567890,\"int\":2147483647}",
        "{\"A\":1,\"B\":2,\"a\":3,\"\u00e9\":4}",
        "{\"s\":\"tab\\tquote\\\"snow\u2603\"}"
      })
  void storedCanonicalTextIsInReadBackForm(String text) {
    ObjectNode read = JsonText.object(text, "the test text");
    assertThat(ReadBackForm.holds(read)).isTrue();
    assertThat(roundTrip(read)).isEqualTo(read);
    assertThat(roundTrip(read).toString()).isEqualTo(read.toString());
  }

  @Test
  void whatTheRoundTripWouldChangeIsNotInReadBackForm() {
    List<JsonNode> changed =
        List.of(
            NODES.objectNode().put("n", 1L),
            NODES.objectNode().put("n", (short) 1),
            NODES.objectNode().put("n", new BigDecimal("1.0")),
            NODES.objectNode().put("n", 0.5),
            NODES.objectNode().put("n", 0.5f),
            NODES.objectNode().put("n", BigInteger.ONE),
            NODES.objectNode().put("b", 1).put("a", 2),
            NODES.objectNode().put("bytes", new byte[] {1, 2}),
            NODES.objectNode().set("list", NODES.arrayNode().add(1L)),
            NODES.objectNode().set("inner", NODES.objectNode().put("y", 1).put("x", 1)));
    for (JsonNode tree : changed) {
      assertThat(ReadBackForm.holds(tree)).as(tree.toString()).isFalse();
    }
  }

  @Test
  void numbersHeldInTheTypeReadingGivesAreInReadBackForm() {
    ObjectNode tree =
        NODES
            .objectNode()
            .put("a", 1)
            .put("b", 1L + Integer.MAX_VALUE)
            .put("c", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
    assertThat(ReadBackForm.holds(tree)).isTrue();
    assertThat(roundTrip(tree)).isEqualTo(tree);
  }
}
