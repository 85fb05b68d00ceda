package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

class FingerprintFilesTest {

  @Test
  void writing_json_then_reading_it_gives_an_equal_fingerprint_and_digests() {
    Fingerprint written = Samples.fingerprint();
    Fingerprint read = FingerprintFiles.parse("fp.json", bytes(FingerprintFiles.json(written)));
    assertThat(read).isEqualTo(written);
    assertThat(read.digests()).isEqualTo(written.digests());
  }

  @Test
  void writing_yaml_then_reading_it_gives_an_equal_fingerprint_and_digests() {
    Fingerprint written =
        Samples.fingerprint().with("site.power", new Fact.Quantity(new BigDecimal("2.5"), "kW"));
    Fingerprint read =
        FingerprintFiles.parse("fp.yaml", bytes(yaml(FingerprintFiles.tree(written))));
    assertThat(read).isEqualTo(written);
    assertThat(read.digests()).isEqualTo(written.digests());
  }

  @Test
  void a_signed_fingerprint_survives_the_round_trip_with_its_signature() {
    FingerprintSigner signer =
        new FingerprintSigner(SigningKeys.generate(new java.security.SecureRandom()));
    Fingerprint signed = signer.sign(Samples.fingerprint());
    Fingerprint read = FingerprintFiles.parse("fp.json", bytes(FingerprintFiles.json(signed)));
    assertThat(read).isEqualTo(signed);
    assertThat(read.signature()).isPresent();
  }

  @Test
  void the_written_form_is_typed_and_carries_its_digests() {
    String json =
        FingerprintFiles.json(
            Fingerprint.of(Map.of("memory.total", Quantities.bytes("24Gi")))
                .collectedAt(Samples.COLLECTED));
    assertThat(json)
        .contains("\"collectedAt\" : \"2024-05-01T12:00:00Z\"")
        .contains("\"fingerprint\" : \"sha256:")
        .contains(
            "\"memory.total\" : {\n      \"type\" : \"quantity\",\n      \"value\" : \"25769803776\",\n      \"unit\" : \"bytes\"");
  }

  @Test
  void a_file_written_by_hand_is_typed_by_key() {
    String yaml =
        """
        # written by hand
        environment: gpu-node-7
        collectedAt: 2024-05-01T14:00:00+02:00
        facts:
          os.id: debian
          os.version: 12
          memory.total: 24Gi
          gpu[0].memory: 81559 MiB
          disk.root.total: 512000000000
          cpu.flags: [sse4_2, avx2]
          python.version: 3.10
          gpu.driver.version: 550.54.15
          network.reach.postgres: true
          site.rack: r12
          site.power: {type: quantity, value: 2.5, unit: kW}
          site.zones: {type: set, value: [b, a]}
          site.level: {type: version, value: 2.10}
        """;
    Fingerprint fingerprint = FingerprintFiles.parse("fp.yaml", bytes(yaml));
    assertThat(fingerprint.environment()).contains("gpu-node-7");
    assertThat(fingerprint.collectedAt()).contains(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(fingerprint.signature()).isEmpty();
    assertThat(fingerprint.facts())
        .containsEntry("os.id", new Fact.Text("debian"))
        .containsEntry("os.version", new Fact.Version("12"))
        .containsEntry("memory.total", Fact.Quantity.bytes(25769803776L))
        .containsEntry("gpu[0].memory", Fact.Quantity.bytes(85520809984L))
        .containsEntry("disk.root.total", Fact.Quantity.bytes(512000000000L))
        .containsEntry("cpu.flags", Fact.Set.of(List.of("avx2", "sse4_2")))
        .containsEntry("python.version", new Fact.Version("3.10"))
        .containsEntry("gpu.driver.version", new Fact.Version("550.54.15"))
        .containsEntry("network.reach.postgres", new Fact.Flag(true))
        .containsEntry("site.rack", new Fact.Text("r12"))
        .containsEntry("site.power", new Fact.Quantity(new BigDecimal("2.5"), "kW"))
        .containsEntry("site.zones", Fact.Set.of(List.of("a", "b")))
        .containsEntry("site.level", new Fact.Version("2.10"));
  }

  @Test
  void json_and_yaml_of_the_same_facts_read_the_same() {
    String json =
        "{\"facts\": {\"os.id\": \"debian\", \"memory.total\": \"24Gi\", \"cpu.flags\": [\"avx2\"]}}";
    String yaml = "facts:\n  cpu.flags: [avx2]\n  memory.total: 25769803776\n  os.id: debian\n";
    assertThat(FingerprintFiles.parse("a.json", bytes(json)))
        .isEqualTo(FingerprintFiles.parse("b.yaml", bytes(yaml)));
  }

  @Test
  void an_unknown_top_level_field_is_refused_at_its_key() {
    assertThat(problems("fp.yaml", "facts:\n  os.id: debian\nsignatur: {}\n"))
        .containsExactly(
            "fp.yaml:3:1: signatur: unknown field \"signatur\"; expected facts, collectedAt, environment, signature"
                + " or digests; did you mean \"signature\"?".replace(" or digests", ", digests"));
  }

  @Test
  void a_missing_facts_field_is_named() {
    assertThat(problems("fp.yaml", "fact:\n  os.id: debian\n"))
        .containsExactly(
            "fp.yaml:1:1: missing required field facts (a mapping of fact keys to values, such as os.id: debian)",
            "fp.yaml:1:1: fact: unknown field \"fact\"; expected facts, collectedAt, environment, signature, digests;"
                + " did you mean \"facts\"?");
  }

  @Test
  void a_bad_quantity_is_reported_at_its_value() {
    assertThat(problems("fp.yaml", "facts:\n  os.id: debian\n  memory.total: 24 gigs\n"))
        .singleElement()
        .asString()
        .startsWith(
            "fp.yaml:3:17: facts[\"memory.total\"]: \"24 gigs\" has an unknown unit \"gigs\"");
  }

  @Test
  void a_value_of_the_wrong_type_is_reported_at_its_value() {
    assertThat(
            problems(
                "fp.json",
                "{\n  \"facts\": {\n    \"gpu.count\": \"two\",\n    \"cpu.flags\": \"avx2\"\n  }\n}\n"))
        .containsExactly(
            "fp.json:3:18: facts[\"gpu.count\"]: found the string \"two\"; a number fact is a number",
            "fp.json:4:18: facts[\"cpu.flags\"]: found the string \"avx2\"; a set fact is a list of strings");
  }

  @Test
  void every_problem_is_reported_not_only_the_first() {
    String yaml =
        """
        environment: ""
        collectedAt: yesterday
        facts:
          Memory: 1
          cpu.cores: many
          site.a: {type: sett, value: [x]}
          site.b: {type: string}
          site.c: {type: string, value: x, units: bytes}
          site.d: null
        signature: {keyId: XYZ, algorithm: rsa, value: "!!"}
        """;
    assertThat(problems("fp.yaml", yaml))
        .containsExactly(
            "fp.yaml:1:14: environment: \"\" is not an environment or host name; expected 1 to 253 characters without white space",
            "fp.yaml:2:14: collectedAt: found the string \"yesterday\"; expected an RFC 3339 time such as 2024-05-01T12:00:00Z",
            "fp.yaml:4:3: facts.Memory: \"Memory\" is not a fact key; expected lower-case dotted segments of at most 253"
                + " characters, each with an optional [n] index, such as os.id, gpu.driver.version or gpu[0].memory",
            "fp.yaml:5:14: facts[\"cpu.cores\"]: found the string \"many\"; a number fact is a number",
            "fp.yaml:6:18: facts[\"site.a\"].type: found the string \"sett\"; expected one of version, quantity, set,"
                + " list, string, bool, number; did you mean \"set\"?",
            "fp.yaml:7:11: facts[\"site.b\"]: the explicit form needs both type and value, such as {type: version, value: \"12.2\"}",
            "fp.yaml:8:36: facts[\"site.c\"].units: unknown field \"units\"; expected type, value, unit; did you mean \"unit\"?",
            "fp.yaml:9:11: facts[\"site.d\"]: found null; a fact is a string, number, boolean or list of strings, or the"
                + " explicit form {type: ..., value: ...}",
            "fp.yaml:10:20: signature.keyId: \"XYZ\" is not a key id; expected 16 lower-case hex digits",
            "fp.yaml:10:36: signature.algorithm: \"rsa\" is not supported; expected ed25519",
            "fp.yaml:10:48: signature.value: expected a 64-byte Ed25519 signature in standard base64 (88 characters)");
  }

  @Test
  void digests_that_do_not_match_the_facts_are_refused() {
    String json =
        FingerprintFiles.json(Samples.fingerprint())
            .replace("\"value\" : \"550.54.15\"", "\"value\" : \"535.104.05\"");
    List<String> problems = problems("fp.json", json);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .matches(
            "fp\\.json:5:21: digests\\.fingerprint: \"sha256:[0-9a-f]{64}\" does not match the facts, which digest to"
                + " sha256:[0-9a-f]{64}; the facts were changed after the digests were written \\(remove digests to accept the change\\)");
    assertThat(problems.get(1)).startsWith("fp.json:6:18: digests.platform: ");
  }

  @Test
  void a_file_holds_one_mapping_in_one_document() {
    assertThat(problems("fp.yaml", "facts: {}\n---\nfacts: {}\n"))
        .containsExactly("fp.yaml:2:1: found 2 documents; a fingerprint file holds exactly one");
    assertThat(problems("fp.yaml", "- os.id\n"))
        .containsExactly("fp.yaml:1:1: found a list; expected a mapping with a facts field");
    assertThat(problems("fp.yaml", "facts: [os.id]\n"))
        .containsExactly(
            "fp.yaml:1:8: facts: found a list; expected a mapping of fact keys to values");
    assertThat(problems("fp.yaml", ""))
        .singleElement()
        .asString()
        .startsWith("fp.yaml:1:1: file is empty");
  }

  @Test
  void parse_throws_every_problem_at_once() {
    assertThatThrownBy(
            () ->
                FingerprintFiles.parse(
                    "fp.yaml", bytes("facts:\n  gpu.count: x\n  memory.total: y\n")))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void a_misspelt_fact_key_is_read_but_warned_about_with_the_known_key() {
    ParsedFingerprint parsed =
        FingerprintFiles.read(
            "fp.yaml",
            bytes(
                "facts:\n  gpu.count: 1\n  gpu[0].compute_capabilty: \"8.0\"\n  packages.libfoo: 1.2.3\n  network.reach.db: true\n"));

    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.fingerprint().orElseThrow().fact("gpu[0].compute_capabilty")).isPresent();
    assertThat(parsed.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "fp.yaml:3:3: facts[\"gpu[0].compute_capabilty\"]: fact gpu[0].compute_capabilty is known to no probe,"
                + " label mapping or validator (a misspelt key reads as absent); did you mean \"gpu[0].compute_capability\"?");
  }

  @Test
  void the_example_fingerprints_have_no_warning() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "fingerprints"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        ParsedFingerprint parsed = FingerprintFiles.read(file.toString(), Files.readAllBytes(file));
        assertThat(parsed.warnings()).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void an_amount_or_count_with_a_huge_exponent_is_refused_at_its_value_without_building_it() {
    assertThat(
            problems("fp.yaml", "facts:\n  memory.total: 1e999999999\n  cpu.cores: 1e999999999\n"))
        .containsExactly(
            "fp.yaml:2:17: facts[\"memory.total\"]: the number 1e999999999 is out of range; expected an exponent from -400 to 400 when written as d.ddde±n (such as 2.5e400) (quote it for a string)",
            "fp.yaml:3:14: facts[\"cpu.cores\"]: the number 1e999999999 is out of range; expected an exponent from -400 to 400 when written as d.ddde±n (such as 2.5e400) (quote it for a string)");
  }

  @Test
  void a_count_of_the_largest_size_is_read_digested_and_written_back() {
    Fingerprint read =
        FingerprintFiles.parse(
            "fp.yaml",
            bytes(
                "facts:\n  cpu.cores: 1e400\n  site.power: {type: quantity, value: 1e-400, unit: W}\n"));
    assertThat(FingerprintFiles.parse("fp.json", bytes(FingerprintFiles.json(read))))
        .isEqualTo(read);
  }

  @Test
  void a_seventy_digit_amount_of_bytes_is_refused_at_its_value() {
    assertThat(problems("fp.yaml", "facts:\n  memory.total: " + "7".repeat(70) + "\n"))
        .singleElement()
        .asString()
        .startsWith(
            "fp.yaml:2:17: facts[\"memory.total\"]: \""
                + "7".repeat(64)
                + "…\" is a number of bytes with 70 digits; expected at most 40 digits");
  }

  private static List<String> problems(String source, String text) {
    ParsedFingerprint parsed = FingerprintFiles.read(source, bytes(text));
    assertThat(parsed.ok()).isFalse();
    return parsed.problems().stream().map(Problem::format).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static String yaml(com.fasterxml.jackson.databind.JsonNode tree) {
    Map<String, Object> plain = new ObjectMapper().convertValue(tree, Map.class);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(plain);
  }
}
