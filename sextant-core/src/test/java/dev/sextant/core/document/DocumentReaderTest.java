package dev.sextant.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private static final DocumentReader READER = new DocumentReader();

  private static final String RELEASE =
      """
      apiVersion: sextant.dev/v1
      kind: Release
      metadata:
        name: model
      spec:
        variants:
          - name: gpu
            requirements: {cuda: "12.1", memory: 16Gi}
          - name: cpu
            args: [--threads, 8]
      """;

  @Test
  void positions_are_recorded_for_nested_fields_and_list_items() {
    Locations at = single(RELEASE).locations();

    assertThat(at.valueOf(path("metadata", "name"))).isEqualTo(Position.of(4, 9));
    assertThat(at.keyOf(path("metadata", "name"))).isEqualTo(Position.of(4, 3));
    assertThat(at.valueOf(path("spec", "variants"))).isEqualTo(Position.of(7, 5));
    assertThat(at.valueOf(path("spec", "variants", 0))).isEqualTo(Position.of(7, 7));
    assertThat(at.keyOf(path("spec", "variants", 0, "name"))).isEqualTo(Position.of(7, 7));
    assertThat(at.valueOf(path("spec", "variants", 0, "name"))).isEqualTo(Position.of(7, 13));
    assertThat(at.valueOf(path("spec", "variants", 0, "requirements", "memory")))
        .isEqualTo(Position.of(8, 44));
    assertThat(at.valueOf(path("spec", "variants", 1, "name"))).isEqualTo(Position.of(9, 13));
    assertThat(at.valueOf(path("spec", "variants", 1, "args", 1))).isEqualTo(Position.of(10, 25));
  }

  @Test
  void a_field_that_is_not_written_falls_back_to_the_nearest_enclosing_one() {
    Locations at = single(RELEASE).locations();

    assertThat(at.valueOf(path("spec", "variants", 1, "artifact", "image")))
        .isEqualTo(Position.of(9, 7));
    assertThat(at.keyOf(path("spec", "strategy"))).isEqualTo(Position.of(6, 3));
    assertThat(at.valueOf(FieldPath.ROOT)).isEqualTo(Position.of(1, 1));
  }

  @Test
  void columns_count_code_points_and_a_byte_order_mark_is_not_a_column() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "{x: \uD83D\uDE00, y: é, z: 1}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);

    ReadResult result = READER.read("bom.yaml", bytes);

    assertThat(result.problems()).isEmpty();
    SourceDocument doc = result.documents().get(0);
    assertThat(doc.tree().get("x").asText()).isEqualTo("\uD83D\uDE00");
    assertThat(doc.locations().valueOf(path("x"))).isEqualTo(Position.of(1, 5));
    assertThat(doc.locations().valueOf(path("y"))).isEqualTo(Position.of(1, 11));
    assertThat(doc.locations().valueOf(path("z"))).isEqualTo(Position.of(1, 17));
  }

  @Test
  void windows_line_endings_count_as_one_line_break() {
    SourceDocument doc = single("a: 1\r\nb:\r\n  c: 2\r\n");

    assertThat(doc.locations().valueOf(path("b", "c"))).isEqualTo(Position.of(3, 6));
  }

  @Test
  void plain_scalars_are_typed_by_the_yaml_1_2_core_schema() {
    JsonNode tree =
        single(
                """
                country: no
                enabled: yes
                ports: 1:20
                mask: 0x1F
                mode: 0o17
                leadingZero: 012
                price: 2.30
                big: 123456789012345678901234567890
                exponent: 1e3
                signed: -0x1F
                yesBool: true
                nothing: ~
                empty:
                """)
            .tree();

    assertThat(tree.get("country").isTextual()).isTrue();
    assertThat(tree.get("country").asText()).isEqualTo("no");
    assertThat(tree.get("enabled").asText()).isEqualTo("yes");
    assertThat(tree.get("ports").isTextual()).isTrue();
    assertThat(tree.get("ports").asText()).isEqualTo("1:20");
    assertThat(tree.get("mask").isIntegralNumber()).isTrue();
    assertThat(tree.get("mask").asLong()).isEqualTo(31);
    assertThat(tree.get("mode").asLong()).isEqualTo(15);
    assertThat(tree.get("leadingZero").asLong()).isEqualTo(12);
    assertThat(tree.get("price").isBigDecimal()).isTrue();
    assertThat(tree.get("price").decimalValue()).isEqualTo(new BigDecimal("2.30"));
    assertThat(tree.get("big").bigIntegerValue())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(tree.get("exponent").decimalValue()).isEqualByComparingTo("1000");
    assertThat(tree.get("signed").isTextual()).isTrue();
    assertThat(tree.get("yesBool").booleanValue()).isTrue();
    assertThat(tree.get("nothing").isNull()).isTrue();
    assertThat(tree.get("empty").isNull()).isTrue();
  }

  @Test
  void quoted_and_str_tagged_scalars_stay_strings() {
    JsonNode tree =
        single(
                """
                double: "8080"
                single: '2.30'
                tagged: !!str 123
                bool: !!str true
                nonSpecific: ! 42
                number: !!int "42"
                """)
            .tree();

    assertThat(tree.get("double").isTextual()).isTrue();
    assertThat(tree.get("double").asText()).isEqualTo("8080");
    assertThat(tree.get("single").asText()).isEqualTo("2.30");
    assertThat(tree.get("tagged").isTextual()).isTrue();
    assertThat(tree.get("tagged").asText()).isEqualTo("123");
    assertThat(tree.get("bool").isTextual()).isTrue();
    assertThat(tree.get("nonSpecific").isTextual()).isTrue();
    assertThat(tree.get("number").isIntegralNumber()).isTrue();
  }

  @Test
  void text_of_keeps_the_scalar_as_written() {
    Locations at =
        single(
                """
                weight: 2.30
                name: 'quoted'
                port: "8080"
                flag: no
                nested: {a: 1}
                """)
            .locations();

    assertThat(at.textOf(path("weight"))).contains("2.30");
    assertThat(at.textOf(path("name"))).contains("'quoted'");
    assertThat(at.textOf(path("port"))).contains("\"8080\"");
    assertThat(at.textOf(path("flag"))).contains("no");
    assertThat(at.textOf(path("nested"))).isEmpty();
    assertThat(at.textOf(path("missing"))).isEmpty();
  }

  @Test
  void several_documents_are_read_and_empty_ones_skipped() {
    ReadResult result =
        READER.read(
            "multi.yaml",
            utf8(
                """
                ---
                ---
                kind: Service
                ---
                # only a comment
                ---
                ~
                ---
                kind: Release
                ...
                """));

    assertThat(result.problems()).isEmpty();
    List<SourceDocument> docs = result.documents();
    assertThat(docs)
        .extracting(d -> d.tree().get("kind").asText())
        .containsExactly("Service", "Release");
    assertThat(docs).extracting(SourceDocument::index).containsExactly(2, 5);
    assertThat(docs)
        .extracting(SourceDocument::start)
        .containsExactly(Position.of(2, 1), Position.of(8, 1));
    assertThat(docs.get(1).locations().valueOf(path("kind"))).isEqualTo(Position.of(9, 7));
  }

  @Test
  void an_alias_within_the_budget_expands_to_a_copy_of_its_anchor() {
    SourceDocument doc =
        single(
            """
            base: &base {cpu: 2, memory: 4Gi}
            variants:
              - name: small
                resources: *base
              - name: large
                resources: *base
            label: &l frontend
            copy: *l
            """);

    JsonNode tree = doc.tree();
    assertThat(tree.at("/variants/0/resources")).isEqualTo(tree.get("base"));
    assertThat(tree.at("/variants/1/resources/memory").asText()).isEqualTo("4Gi");
    assertThat(tree.get("copy").asText()).isEqualTo("frontend");
    assertThat(doc.locations().valueOf(path("variants", 1, "resources")))
        .isEqualTo(Position.of(6, 16));
    // Fields copied by an alias are reported at the alias.
    assertThat(doc.locations().valueOf(path("variants", 1, "resources", "cpu")))
        .isEqualTo(Position.of(6, 16));
  }

  @Test
  void every_duplicate_key_is_reported_not_only_the_first() {
    ReadResult result = READER.read("dups.yaml", utf8("a: 1\nb: 2\na: 3\nc: {x: 1, x: 2}\nb: 4\n"));

    assertThat(result.ok()).isFalse();
    assertThat(result.problems())
        .extracting(Problem::position, Problem::field)
        .containsExactly(
            Tuple.tuple(Position.of(3, 1), "a"),
            Tuple.tuple(Position.of(4, 11), "c.x"),
            Tuple.tuple(Position.of(5, 1), "b"));
  }

  @Test
  void limits_are_inclusive() {
    DocumentReader reader = new DocumentReader(new Limits(64, 3, 2, 20, 2));

    assertThat(reader.read("size", utf8("a: " + "x".repeat(61))).ok()).isTrue();
    assertThat(reader.read("size", utf8("a: " + "x".repeat(62))).problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("file is 65 bytes; expected at most 64 bytes"));

    assertThat(reader.read("depth", utf8("{a: {b: [1]}}")).ok()).isTrue();
    assertThat(reader.read("depth", utf8("{a: {b: [[1]]}}")).problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("nested deeper than the limit of 3 levels"));

    assertThat(reader.read("aliases", utf8("a: &a 1\nb: [*a, *a]")).ok()).isTrue();
    assertThat(reader.read("aliases", utf8("a: &a 1\nb: [*a, *a, *a]")).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.position()).isEqualTo(Position.of(2, 13)));

    assertThat(reader.read("docs", utf8("a: 1\n---\nb: 2\n")).documents()).hasSize(2);
    assertThat(reader.read("docs", utf8("a: 1\n---\nb: 2\n---\nc: 3\n")).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.position()).isEqualTo(Position.of(4, 1)));
  }

  @Test
  void the_node_budget_counts_alias_copies() {
    DocumentReader reader = new DocumentReader(new Limits(1 << 20, 64, 100, 20, 10));

    // 5 nodes anchored (the list and 4 items) + the outer mapping, list and key values: within 20.
    assertThat(reader.read("ok", utf8("a: &a [1, 2, 3, 4]\nb: [*a, *a]\n")).ok()).isTrue();
    assertThat(reader.read("over", utf8("a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n")).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.position()).isEqualTo(Position.of(2, 13));
              assertThat(p.field()).isEqualTo("b[2]");
              assertThat(p.message()).contains("node budget");
            });
  }

  @Test
  void an_alias_is_only_known_within_its_own_document() {
    ReadResult result = READER.read("two.yaml", utf8("a: &x 1\n---\nb: *x\n"));

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.position()).isEqualTo(Position.of(3, 4));
              assertThat(p.message()).contains("alias *x refers to no anchor");
            });
  }

  @Test
  void json_is_read_as_yaml_with_positions() {
    SourceDocument doc =
        single("{\n  \"kind\": \"Service\",\n  \"spec\": {\"ports\": [80, 443]}\n}\n");

    assertThat(doc.tree().at("/spec/ports/1").asInt()).isEqualTo(443);
    assertThat(doc.locations().valueOf(path("spec", "ports", 1))).isEqualTo(Position.of(3, 26));
  }

  @Test
  void an_escape_cut_off_by_the_end_of_the_file_is_a_problem_at_its_backslash() {
    for (String escape : List.of("\\x", "\\u", "\\U")) {
      assertThat(READER.read("esc.yaml", utf8("a: \"" + escape)).problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.position()).isEqualTo(Position.of(1, 5));
                assertThat(p.message())
                    .startsWith(
                        "invalid YAML: escape "
                            + escape
                            + " in a double-quoted string has no valid hex digits");
              });
    }
  }

  @Test
  void an_escape_naming_more_than_unicode_holds_is_a_problem_at_its_backslash() {
    assertThat(READER.read("esc.yaml", utf8("a: b\nc: \"x\\UFFFFFFFF\"\n")).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.position()).isEqualTo(Position.of(2, 6)));
  }

  @Test
  void a_character_beyond_the_basic_plane_reads_wherever_it_falls_in_the_parsers_buffer() {
    String emoji = "\uD83D\uDE00";
    for (int before = 1010; before < 1040; before++) {
      String description = "x".repeat(before - "description: \"".length()) + emoji + " ok";
      ReadResult quoted = READER.read("emoji.yaml", utf8("description: \"" + description + "\"\n"));
      ReadResult plain = READER.read("emoji.yaml", utf8("description: " + description + "\n"));

      assertThat(quoted.problems()).isEmpty();
      assertThat(quoted.documents().get(0).tree().get("description").textValue())
          .isEqualTo(description);
      assertThat(plain.problems()).isEmpty();
    }
  }

  @Test
  void a_number_with_an_exponent_beyond_the_bounds_is_a_problem_at_its_value() {
    assertThat(READER.read("big.yaml", utf8("a: 1\nx: 1e9999999999\n")).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.position()).isEqualTo(Position.of(2, 4));
              assertThat(p.field()).isEqualTo("x");
              assertThat(p.message())
                  .isEqualTo(
                      "the number 1e9999999999 is out of range; expected an exponent from -400 to 400 when written as d.ddde±n (such as 2.5e400) (quote it for a string)");
            });
    assertThat(READER.read("big.yaml", utf8("x: !!float 1e-401\n")).problems()).singleElement();
    assertThat(READER.read("big.yaml", utf8("x: \"1e9999999999\"\n")).ok()).isTrue();
  }

  @Test
  void zero_with_an_exponent_beyond_the_bounds_is_a_problem_too() {
    // Found by fuzzing: zero has no first digit to place, and BigDecimal refuses such an exponent.
    assertThat(READER.read("zero.yaml", utf8("x: 0000e00000004819115206086200\n")).problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("the number 0000e0000000481911520608… is out of range"));
    assertThat(single("x: 0.0e-400").tree().get("x").decimalValue()).isZero();
  }

  @Test
  void numbers_within_the_bounds_read_exactly_even_in_their_longest_plain_form() {
    String significant = "9".repeat(100);
    assertThat(single("x: 1e400").tree().get("x").decimalValue())
        .isEqualByComparingTo(BigDecimal.ONE.scaleByPowerOfTen(400));
    assertThat(single("x: " + "1" + "0".repeat(400)).tree().get("x").bigIntegerValue())
        .isEqualTo(BigInteger.TEN.pow(400));
    assertThat(single("x: 0." + "0".repeat(399) + significant).tree().get("x").decimalValue())
        .isEqualByComparingTo(new BigDecimal(significant).scaleByPowerOfTen(-499));
    assertThat(READER.read("digits.yaml", utf8("x: 1" + significant)).problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("has 101 significant digits; expected at most 100"));
    assertThat(READER.read("digits.yaml", utf8("x: 0x" + "f".repeat(101))).problems())
        .singleElement();
  }

  private static SourceDocument single(String yaml) {
    ReadResult result = READER.read("test.yaml", utf8(yaml));
    assertThat(result.problems()).isEmpty();
    assertThat(result.documents()).hasSize(1);
    return result.documents().get(0);
  }

  private static FieldPath path(Object... elements) {
    return FieldPath.of(List.of(elements));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
