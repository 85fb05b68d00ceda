package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sextant validate} refuses what {@code plan} would, each problem at its file, line and
 * column, with the field and what was expected; versions are read as written; fact keys nobody
 * knows are warned about without changing the exit code.
 */
class ValidateAsPlanWouldTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path FINGERPRINTS = Path.of("..", "fingerprints");
  private static final String RELEASE = "releases/fraud-detector-1.4.0.yaml";
  private static final String POLICY = "policies/prod-signed-releases.yaml";

  @TempDir Path home;

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of(
            RELEASE,
            "rule: cuda\n",
            "rule: cudaa\n",
            ":42:17: spec.variants[0].requirements[0].rule: no validator for rule \"cudaa\"",
            "did you mean \"cuda\"?"),
        Arguments.of(
            RELEASE,
            "toolkit: \"12.4\"",
            "toolkit: 12.10",
            ":45:22: spec.variants[0].requirements[0].with.toolkit: rule cuda: toolkit is the"
                + " number 12.10",
            "write it quoted: toolkit: \"12.10\""),
        Arguments.of(
            RELEASE,
            "footprint: 14Gi",
            "footprint: 40Gigs",
            ":54:24: spec.variants[0].requirements[2].with.footprint: rule gpuMemory: footprint"
                + " \"40Gigs\"",
            "expected one of"),
        Arguments.of(
            RELEASE,
            "range: \">=3.11,<3.12\"",
            "range: \">=3.10,,<<3.12\"",
            ":62:18: spec.variants[0].requirements[4].range: range on python.version is not a PEP"
                + " 440 range",
            "stray comma"),
        Arguments.of(
            RELEASE,
            "min: \"8.0\"",
            "min: \"eight\"",
            ":49:18: spec.variants[0].requirements[1].with.min: rule computeCapability: min is"
                + " \"eight\"",
            "expected major.minor"),
        Arguments.of(
            RELEASE,
            "expr: gpu[0].memory / 2Gi",
            "expr: gpu[0].memory / / 2Gi",
            ":67:17: spec.variants[0].parameters.batchSize.expr: parameter batchSize",
            "unexpected \"/\""),
        Arguments.of(
            RELEASE,
            "        - fact: cpu.arch\n",
            "        - cel: nosuch(facts[\"cpu.cores\"])\n        - fact: cpu.arch\n",
            ":83:16: spec.variants[1].requirements[0].cel: CEL expression",
            "undeclared reference to 'nosuch'"),
        Arguments.of(
            POLICY,
            "has(release.spec.provenance) && has",
            "has(release.spec.provenance) &&& has",
            ":13:9: spec.rule: CEL expression",
            "does not compile: column 32"),
        Arguments.of(
            POLICY,
            "  name: prod-signed-releases\n",
            "  name: prod-signed-releases\n  signature:\n    keyId: abc\n    algorithm: ed25519\n"
                + "    value: nope\n",
            ":6:12: metadata.signature.keyId: expected 64 lower-case hex digits",
            "found \"abc\""),
        Arguments.of(
            RELEASE,
            "  provenance:\n",
            "  provenance:\n    attestation:\n      payloadType: application/vnd.in-toto+json\n"
                + "      signatures: []\n",
            ":21:7: spec.provenance.attestation.payload: required field is missing",
            "payload"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("inputs")
  void validate_exits_1_at_the_field_with_what_was_expected(
      String example, String from, String to, String expected, String alsoSays) throws IOException {
    Path file = changed(example, from, to);

    Cli.Result result = Cli.withHome(home).run("validate", "-f", file.toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err().lines().findFirst())
        .hasValueSatisfying(
            line -> assertThat(line).startsWith(file + expected).contains(alsoSays));
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void toolkit_12_10_is_never_planned_as_cuda_12_1() throws IOException {
    Path file = changed(RELEASE, "toolkit: \"12.4\"", "toolkit: 12.10");

    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                file.toString(),
                "--fingerprint",
                FINGERPRINTS.resolve("h100.yaml").toString());

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(result.err())
        .contains("toolkit is the number 12.10")
        .contains("write it quoted: toolkit: \"12.10\"");
    assertThat(result.out()).doesNotContain("CUDA 12.1");
  }

  @Test
  void a_misspelt_fact_key_in_a_release_is_a_warning_and_validate_still_exits_0()
      throws IOException {
    Path file =
        changed(
            RELEASE,
            "        - fact: cpu.arch\n",
            "        - fact: gpu.driver.verison\n"
                + "          min: \"550\"\n"
                + "        - fact: cpu.arch\n");

    Cli.Result result = Cli.withHome(home).run("validate", "-f", file.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.err())
        .startsWith("warning: " + file + ":83:17: spec.variants[1].requirements[0].fact: ")
        .contains("gpu.driver.verison")
        .contains("did you mean \"gpu.driver.version\"?");
    assertThat(result.out()).startsWith("valid: 1 resource in 1 file");

    JsonNode json =
        new ObjectMapper()
            .readTree(
                Cli.withHome(home).run("validate", "-f", file.toString(), "-o", "json").out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.at("/warnings/0/line").asInt()).isEqualTo(83);
    assertThat(json.at("/warnings/0/field").asText())
        .isEqualTo("spec.variants[1].requirements[0].fact");
  }

  @Test
  void a_misspelt_fact_key_in_a_fingerprint_file_is_a_warning_from_plan() throws IOException {
    String h100 = Files.readString(FINGERPRINTS.resolve("h100.yaml"), StandardCharsets.UTF_8);
    Path fingerprint =
        Files.writeString(
            home.resolve("h100.yaml"),
            h100.replace("gpu[0].compute_capability:", "gpu[0].compute_capabilty:"),
            StandardCharsets.UTF_8);

    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                EXAMPLES.resolve(RELEASE).toString(),
                "--fingerprint",
                fingerprint.toString());

    assertThat(result.err())
        .contains("warning: " + fingerprint + ":")
        .contains("facts[\"gpu[0].compute_capabilty\"]")
        .contains("did you mean \"gpu[0].compute_capability\"?");
    assertThat(result.err()).doesNotContain("Exception");
  }

  @Test
  void the_examples_validate_with_no_warning() {
    Cli.Result result = Cli.withHome(home).run("validate", "-f", EXAMPLES.toString());

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.err()).doesNotContain("warning");
  }

  private Path changed(String example, String from, String to) throws IOException {
    String text = Files.readString(EXAMPLES.resolve(example), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Path file = home.resolve(Path.of(example).getFileName());
    return Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
