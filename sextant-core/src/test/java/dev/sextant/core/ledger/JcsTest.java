package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {
  @Test
  void rfc_8785s_example_canonicalises_to_the_rfcs_bytes() throws IOException {
    String input = new String(resource("values-input.json"), StandardCharsets.UTF_8);

    assertThat(Jcs.canonical(input)).isEqualTo(resource("values-output.json"));
  }

  @Test
  void a_jackson_tree_canonicalises_like_its_text() throws IOException {
    String input = new String(resource("values-input.json"), StandardCharsets.UTF_8);
    var tree =
        JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build()
            .readTree(input);

    assertThat(Jcs.canonical(tree)).isEqualTo(resource("values-output.json"));
  }

  @Test
  void keys_are_sorted_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() {
    String input =
        "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
            + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\","
            + " \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
            + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";

    String canonical = new String(Jcs.canonical(input), StandardCharsets.UTF_8);

    // The emoji (a surrogate pair, 0xD83D...) sorts before U+FB33 although its code point is
    // larger.
    assertThat(canonical)
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  /** RFC 8785 Appendix B: IEEE 754 doubles, given by their bits, as JCS writes them. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void numbers_are_written_as_ecmascript_writes_doubles(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(canonical("[" + value + "]")).isEqualTo("[" + expected + "]");
  }

  @Test
  void numbers_lose_their_notation_and_trailing_zeros() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("big", new BigDecimal("1E+30"));
    tree.put("price", new BigDecimal("4.50"));
    tree.put("count", 10);

    assertThat(new String(Jcs.canonical(tree), StandardCharsets.UTF_8))
        .isEqualTo("{\"big\":1e+30,\"count\":10,\"price\":4.5}");
    assertThat(canonical("[1e+30, 4.50, 1E30, 100e-2]")).isEqualTo("[1e+30,4.5,1e+30,1]");
  }

  @Test
  void strings_escape_only_what_json_requires_in_lower_case_hex() {
    assertThat(canonical("[\"\\u0001\\b\\t\\n\\f\\r\\u001f\\/\\u00e9\\\"\\\\\"]"))
        .isEqualTo("[\"\\u0001\\b\\t\\n\\f\\r\\u001f/\u00e9\\\"\\\\\"]");
  }

  @Test
  void text_that_is_not_json_is_refused_with_a_reason() {
    assertThatThrownBy(() -> Jcs.canonical("{\"a\": "))
        .isInstanceOf(LedgerException.class)
        .hasMessageStartingWith("not JSON that RFC 8785 can canonicalise");
    assertThatThrownBy(() -> Jcs.canonical("[1,]")).isInstanceOf(LedgerException.class);
    assertThatThrownBy(() -> Jcs.canonical("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("Duplicate property: a");
    assertThatThrownBy(() -> Jcs.canonical("[1e400]")).isInstanceOf(LedgerException.class);
  }

  private static String canonical(String json) {
    return new String(Jcs.canonical(json), StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = JcsTest.class.getResourceAsStream("rfc8785/" + name)) {
      return in.readAllBytes();
    }
  }
}
