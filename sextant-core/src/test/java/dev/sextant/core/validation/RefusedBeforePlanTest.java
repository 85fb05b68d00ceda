package dev.sextant.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.Limits;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.resource.spec.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What plan would refuse is refused when a resource is read, at its field: each case changes one
 * line of a real example and asserts the one problem, as {@code file:line:col: field: reason}.
 */
class RefusedBeforePlanTest {
  private static final String RELEASE = example("releases/fraud-detector-1.4.0.yaml");
  private static final String POLICY = example("policies/prod-signed-releases.yaml");
  private static final String ENVIRONMENT = example("environments/prod-eu.yaml");
  private static final String STRATEGY = example("strategies/canary-standard.yaml");
  private static final String ANALYSIS = example("analysistemplates/http-error-rate-latency.yaml");
  private static final String APPROVERS =
      "expected a user name or role:viewer|deployer|approver|admin, found ";
  private static final String GPU = "spec.variants[0].requirements";
  private static final String CPU = "spec.variants[1].requirements";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "unknown rule",
            RELEASE,
            "rule: cuda\n",
            "rule: cudaa\n",
            "42:17: " + GPU + "[0].rule: no validator for rule \"cudaa\"; known rules: ",
            "did you mean \"cuda\"?"),
        Arguments.of(
            "toolkit as a number that loses a digit",
            RELEASE,
            "toolkit: \"12.4\"",
            "toolkit: 12.10",
            "45:22: " + GPU + "[0].with.toolkit: rule cuda: toolkit is the number 12.10",
            "write it quoted: toolkit: \"12.10\""),
        Arguments.of(
            "compute capability as a number that loses a digit",
            RELEASE,
            "min: \"8.0\"",
            "min: 8.0",
            "49:18: " + GPU + "[1].with.min: rule computeCapability: min is the number 8.0",
            "write it quoted: min: \"8.0\""),
        Arguments.of(
            "compute capability in words",
            RELEASE,
            "min: \"8.0\"",
            "min: \"eight\"",
            "49:18: " + GPU + "[1].with.min: rule computeCapability: min is \"eight\"",
            "expected major.minor such as 8.0"),
        Arguments.of(
            "footprint in an unknown unit",
            RELEASE,
            "footprint: 14Gi",
            "footprint: 40Gigs",
            "54:24: "
                + GPU
                + "[2].with.footprint: rule gpuMemory: footprint \"40Gigs\" has an unknown unit"
                + " \"Gigs\"",
            "expected one of"),
        Arguments.of(
            "negative memory in a rule",
            RELEASE,
            "footprint: 14Gi",
            "footprint: -16Gi",
            "54:24: " + GPU + "[2].with.footprint: rule gpuMemory: footprint",
            "-16Gi"),
        Arguments.of(
            "PEP 440 range with a stray comma",
            RELEASE,
            "range: \">=3.11,<3.12\"",
            "range: \">=3.10,,<<3.12\"",
            "62:18: " + GPU + "[4].range: range on python.version is not a PEP 440 range",
            "a stray comma"),
        Arguments.of(
            "npm range that does not parse",
            RELEASE,
            "range: \">=3.11,<3.12\"\n          scheme: pep440",
            "range: \">=1.2.3 <<2\"\n          scheme: semver",
            "62:18: " + GPU + "[4].range: range on python.version is not a semver range",
            "not an npm version range"),
        Arguments.of(
            "version fact compared with a number that loses a digit",
            RELEASE,
            "range: \">=3.11,<3.12\"\n          scheme: pep440",
            "equals: 3.10",
            "62:19: "
                + GPU
                + "[4].equals: equals on python.version is the number 3.10, which is stored as 3.1",
            "write it quoted: equals: \"3.10\""),
        Arguments.of(
            "declared version fact as a number that loses a digit",
            ENVIRONMENT,
            "cuda.driver.max: \"12.4\"",
            "cuda.driver.max: 12.10",
            "36:22: spec.facts[\"cuda.driver.max\"]: fact cuda.driver.max is the number 12.10,"
                + " which is stored as 12.1",
            "write it quoted: cuda.driver.max: \"12.10\""),
        Arguments.of(
            "CEL that does not compile",
            RELEASE,
            "        - fact: cpu.arch\n",
            "        - cel: facts[\"cpu.cores\"] >=\n        - fact: cpu.arch\n",
            "83:16: "
                + CPU
                + "[0].cel: CEL expression \"facts[\"cpu.cores\"] >=\" does not compile: column 22",
            "mismatched input"),
        Arguments.of(
            "CEL that calls an undeclared function",
            RELEASE,
            "        - fact: cpu.arch\n",
            "        - cel: nosuch(facts[\"cpu.cores\"])\n        - fact: cpu.arch\n",
            "83:16: "
                + CPU
                + "[0].cel: CEL expression \"nosuch(facts[\"cpu.cores\"])\" does not compile:"
                + " column 7",
            "undeclared reference to 'nosuch'"),
        Arguments.of(
            "parameter expression that does not parse",
            RELEASE,
            "expr: gpu[0].memory / 2Gi",
            "expr: gpu[0].memory / / 2Gi",
            "67:17: spec.variants[0].parameters.batchSize.expr: parameter batchSize: expr"
                + " \"gpu[0].memory / / 2Gi\" at column 17",
            "unexpected \"/\""),
        Arguments.of(
            "AnalysisTemplate successCondition that does not compile",
            ANALYSIS,
            "successCondition: result[0] < 0.01",
            "successCondition: result[0] << 0.01",
            "17:25: spec.metrics[0].successCondition: condition \"result[0] << 0.01\" does not"
                + " compile: column",
            ""),
        Arguments.of(
            "AnalysisTemplate failureCondition over something other than result",
            ANALYSIS,
            "failureCondition: result[0] >= 0.05",
            "failureCondition: results[0] >= 0.05",
            "18:25: spec.metrics[0].failureCondition: condition \"results[0] >= 0.05\" does not"
                + " compile",
            "undeclared reference to 'results'"),
        Arguments.of(
            "Policy rule that does not compile",
            POLICY,
            "has(release.spec.provenance) && has",
            "has(release.spec.provenance) &&& has",
            "13:9: spec.rule: CEL expression \"has(release.spec.provenance) &&&"
                + " has(release.spec.provenance.signature)\" does not compile: column 32",
            "token recognition error"),
        Arguments.of(
            "Policy rule that calls an undeclared function",
            POLICY,
            "rule: has(",
            "rule: signed(release) || has(",
            "13:9: spec.rule: CEL expression \"signed(release) ||",
            "undeclared reference to 'signed'"),
        Arguments.of(
            "Policy rule that is not a bool",
            POLICY,
            "rule: has(release.spec.provenance) && has(release.spec.provenance.signature)",
            "rule: '\"signed\"'",
            "13:9: spec.rule: CEL expression \"\"signed\"\" gives string; expected a bool",
            ""),
        Arguments.of(
            "Policy messageExpression that does not compile",
            POLICY,
            "  approvers:",
            "  messageExpression: \"'unsigned ' + release.metadata.name +\"\n  approvers:",
            "15:22: spec.messageExpression: CEL expression \"'unsigned ' + release.metadata.name"
                + " +\" does not compile",
            "column"),
        Arguments.of(
            "Policy approver with a role that does not exist",
            POLICY,
            "- role:approver",
            "- role:release-manager",
            "16:7: spec.approvers[0]: " + APPROVERS + "\"role:release-manager\"",
            ""),
        Arguments.of(
            "Policy approver with a misspelt role",
            POLICY,
            "- role:approver",
            "- bob\n    - role:aprover",
            "17:7: spec.approvers[1]: " + APPROVERS + "\"role:aprover\"",
            "; did you mean \"role:approver\"?"),
        Arguments.of(
            "Policy approver that is no user name",
            POLICY,
            "- role:approver",
            "- bob smith",
            "16:7: spec.approvers[0]: " + APPROVERS + "\"bob smith\"",
            ""),
        Arguments.of(
            "Strategy approval step with a role that does not exist",
            STRATEGY,
            "      - approval:\n",
            "      - approval:\n          approvers: [alice, role:on-call-lead]\n",
            "21:30: spec.canary.steps[5].approval.approvers[1]: "
                + APPROVERS
                + "\"role:on-call-lead\"",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void is_refused_at_its_field_with_what_was_expected(
      String title, String example, String from, String to, String expected, String alsoSays) {
    assertThat(example).contains(from);
    ParseReport report = parse(example.replace(from, to));

    assertThat(report.ok()).isFalse();
    assertThat(report.resources()).isEmpty();
    assertThat(report.problems())
        .extracting(Problem::format)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).startsWith("case.yaml:" + expected);
              assertThat(line).contains(alsoSays);
            });
  }

  @Test
  void the_examples_pass_with_no_problem_and_no_warning() {
    for (String example :
        new String[] {
          RELEASE,
          POLICY,
          ENVIRONMENT,
          STRATEGY,
          example("policies/eu-data-residency.yaml"),
          example("policies/deployment-window.yaml")
        }) {
      ParseReport report = parse(example);

      assertThat(report.problems()).isEmpty();
      assertThat(report.warnings()).isEmpty();
      assertThat(report.resources()).hasSize(1);
    }
  }

  @Test
  void a_version_written_as_a_number_that_keeps_its_digits_is_read_as_written() {
    ParseReport report =
        parse(
            RELEASE
                .replace("toolkit: \"12.4\"", "toolkit: 12.4")
                .replace("min: \"8.0\"", "min: 8.5"));

    assertThat(report.problems()).isEmpty();
    ReleaseSpec spec = (ReleaseSpec) Specs.read(report.resources().get(0));
    assertThat(spec.variants().get(0).requirements().get(0).with().get("toolkit").asText())
        .isEqualTo("12.4");
    assertThat(spec.variants().get(0).requirements().get(1).with().get("min").asText())
        .isEqualTo("8.5");
  }

  @Test
  void toolkit_12_10_is_never_cuda_12_1() {
    ParseReport quoted = parse(RELEASE.replace("toolkit: \"12.4\"", "toolkit: \"12.10\""));
    ParseReport unquoted = parse(RELEASE.replace("toolkit: \"12.4\"", "toolkit: 12.10"));

    // 12.10 is not in NVIDIA's table, so both are refused; neither is read as 12.1, which is.
    assertThat(quoted.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("toolkit is \"12.10\"");
    assertThat(unquoted.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("the number 12.10");
    JsonNode tree =
        new DocumentReader()
            .read(
                "case.yaml",
                RELEASE
                    .replace("toolkit: \"12.4\"", "toolkit: 12.10")
                    .getBytes(StandardCharsets.UTF_8))
            .documents()
            .get(0)
            .tree();
    ReleaseSpec spec = (ReleaseSpec) Specs.read(Kind.RELEASE, tree.get("spec"));
    assertThat(spec.variants().get(0).requirements().get(0).with().get("toolkit").decimalValue())
        .hasToString("12.10");
  }

  @Test
  void a_misspelt_fact_key_is_a_warning_that_names_the_known_one_and_stops_nothing() {
    ParseReport report =
        parse(
            RELEASE
                .replace("fact: python.version", "fact: gpu.driver.verison")
                .replace("range: \">=3.11,<3.12\"\n          scheme: pep440", "min: \"550\""));

    assertThat(report.problems()).isEmpty();
    assertThat(report.resources()).hasSize(1);
    assertThat(report.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "case.yaml:60:17: "
                + GPU
                + "[4].fact: fact gpu.driver.verison is known to no probe, label mapping or"
                + " validator (a misspelt key reads as absent); did you mean"
                + " \"gpu.driver.version\"?");
  }

  @Test
  void a_misspelt_declared_fact_is_a_warning_and_a_number_fact_may_be_written_with_any_digits() {
    ParseReport report =
        parse(
            ENVIRONMENT
                .replace("gpu.driver.version:", "gpu.driver.verison:")
                .replace("gpu.count: 8", "gpu.count: 8.0"));

    assertThat(report.problems()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .singleElement()
        .asString()
        .startsWith(
            "case.yaml:35:5: spec.facts[\"gpu.driver.verison\"]: fact gpu.driver.verison is known"
                + " to no probe")
        .endsWith("did you mean \"gpu.driver.version\"?");
  }

  @Test
  void a_rule_only_a_plug_in_knows_passes_when_the_parser_knows_the_plug_in() {
    String release = RELEASE.replace("rule: cuda\n", "rule: cudaPlugin\n");
    List<Validator> plugins = new ArrayList<>(Validators.standard().all());
    plugins.add(new AnythingGoes());

    assertThat(parse(release).problems())
        .extracting(Problem::field)
        .containsExactly(GPU + "[0].rule");
    assertThat(
            new ResourceParser(Limits.DEFAULT, Validators.of(plugins))
                .parse("case.yaml", release.getBytes(StandardCharsets.UTF_8))
                .problems())
        .isEmpty();
  }

  /** A plug-in's rule, which the standard validators do not know. */
  private static final class AnythingGoes implements Validator {
    public String rule() {
      return "cudaPlugin";
    }

    public String summary() {
      return "met everywhere";
    }

    public String source() {
      return "a test";
    }

    public Constraint prepare(Requirement requirement) {
      return fingerprint -> Finding.met(List.of(), "nothing", "anything", "always met");
    }
  }

  private static ParseReport parse(String yaml) {
    return new ResourceParser().parse("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static String example(String path) {
    try {
      return Files.readString(Path.of("..", "examples").resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
