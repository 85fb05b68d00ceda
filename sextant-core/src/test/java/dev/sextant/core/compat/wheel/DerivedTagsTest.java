package dev.sextant.core.compat.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.python.InterpreterFacts;
import dev.sextant.core.python.SupportedTags;
import dev.sextant.core.schema.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fingerprints written by hand without python.tags: the wheel rule derives them as the probe would.
 */
class DerivedTagsTest {
  private static final String TORCH = "torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl";

  /** A host described in a few lines, as someone writes it for a machine Sextant cannot reach. */
  private static final String HAND_WRITTEN =
      """
      environment: batch-node-3
      facts:
        cpu.arch: x86_64
        cpu.flags: [avx2, fma, sse4_2]
        memory.total: 64Gi
        libc.family: glibc
        libc.version: "2.35"
        python.implementation: cpython
        python.version: 3.11.9
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cp311-manylinux_2_35_x86_64, glibc, 2.35, x86_64",
    "cp311-manylinux_2_34_x86_64, glibc, 2.34, x86_64",
    "cp311-manylinux_2_26_aarch64, glibc, 2.26, aarch64",
    "cp311-musllinux_1_2_x86_64, musl, 1.2, x86_64"
  })
  void derived_tags_are_those_packaging_lists_for_the_same_host(
      String environment, String family, String version, String arch) {
    Fingerprint host =
        handWritten(
            """
            facts:
              cpu.arch: %s
              libc.family: %s
              libc.version: "%s"
              python.implementation: cpython
              python.version: 3.11.7
            """
                .formatted(arch, family, version));

    InterpreterFacts.Reading reading = InterpreterFacts.read(host);

    assertThat(reading.why()).isEmpty();
    assertThat(SupportedTags.computeStrings(reading.interpreter().orElseThrow()))
        .containsExactlyElementsOf(Fixtures.tags(environment));
  }

  @Test
  void
      the_example_releases_wheels_are_met_on_a_hand_written_host_and_the_finding_says_the_tags_were_derived() {
    Fingerprint host = handWritten(HAND_WRITTEN);

    List<Finding> findings = wheelFindings(host);

    assertThat(findings)
        .hasSize(2)
        .allSatisfy(
            finding -> {
              assertThat(finding.met()).isTrue();
              assertThat(finding.facts())
                  .containsExactly(
                      "python.implementation",
                      "python.version",
                      "libc.family",
                      "libc.version",
                      "cpu.arch");
              assertThat(finding.observed())
                  .matches("cp311-cp311-linux_x86_64 \\(rank \\d+ of 889\\)");
              assertThat(finding.caveats())
                  .last()
                  .asString()
                  .startsWith(
                      "python.tags is not in the fingerprint: its 889 tags were derived from"
                          + " python.implementation, python.version, libc.family, libc.version,"
                          + " cpu.arch as the Python probe computes them")
                  .endsWith("a 64-bit cpython 3.11 with ABI cp311 on Linux x86_64 with glibc 2.35");
            });
    List<String> derived =
        SupportedTags.computeStrings(InterpreterFacts.read(host).interpreter().orElseThrow());
    assertThat(derived)
        .hasSize(889)
        .startsWith(
            "cp311-cp311-manylinux_2_35_x86_64",
            "cp311-cp311-manylinux_2_34_x86_64",
            "cp311-cp311-manylinux_2_33_x86_64");
    assertThat(derived).endsWith("py31-none-any", "py30-none-any");
  }

  @Test
  void a_fingerprint_that_lists_python_tags_keeps_its_own() {
    Fingerprint ownTags =
        handWritten(HAND_WRITTEN).with("python.tags", new Fact.Sequence(List.of("py3-none-any")));

    Finding finding = evaluate(TORCH, ownTags);

    assertThat(finding.met()).isFalse();
    assertThat(finding.facts()).containsExactly("python.tags");
    assertThat(finding.caveats()).isEmpty();
    assertThat(wheelFindings(dev.sextant.core.compat.Fixtures.fingerprint("h100.yaml")))
        .allSatisfy(f -> assertThat(f.caveats()).noneMatch(c -> c.contains("derived")));
  }

  @Test
  void without_the_facts_to_derive_them_the_finding_names_what_is_missing() {
    Finding finding =
        evaluate(TORCH, handWritten(HAND_WRITTEN).without("libc.family").without("libc.version"));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.reason())
        .isEqualTo(
            "the fingerprint has no python.tags, which the Python probe collects from the"
                + " environment's python3, and they cannot be derived: the fingerprint lacks"
                + " libc.family, libc.version (deriving them needs python.implementation,"
                + " python.version, libc.family, libc.version, cpu.arch)");
  }

  @Test
  void facts_that_do_not_name_an_interpreter_say_which_and_why() {
    Fingerprint host = handWritten(HAND_WRITTEN);

    assertThat(InterpreterFacts.read(host.with("libc.family", new Fact.Text("bionic"))).why())
        .isEqualTo(
            "libc.family is \"bionic\" and libc.version \"2.35\"; expected glibc or musl and a"
                + " version such as 2.35");
    assertThat(InterpreterFacts.read(host.with("python.version", new Fact.Version("three"))).why())
        .isEqualTo("python.version is \"three\", not a version such as 3.11.9");
    assertThat(
            InterpreterFacts.read(host.with("python.implementation", new Fact.Text("pypy"))).why())
        .isEqualTo("the fingerprint lacks python.abi, which pypy needs (such as pypy310_pp73)");
    assertThat(InterpreterFacts.read(host.with("python.abi", new Fact.Text("cp310"))).why())
        .isEqualTo(
            "python.abi is \"cp310\", which is not the ABI of a CPython 3.11 release, debug or"
                + " free-threaded build");
  }

  @Test
  void python_abi_picks_a_debug_or_free_threaded_build_and_names_a_pypy_abi() {
    Fingerprint host = handWritten(HAND_WRITTEN);

    assertThat(tags(host.with("python.abi", new Fact.Text("cp311d"))))
        .startsWith("cp311-cp311d-manylinux_2_35_x86_64")
        .contains("cp311-cp311-manylinux_2_35_x86_64");
    assertThat(
            tags(
                host.with("python.version", new Fact.Version("3.13.1"))
                    .with("python.abi", new Fact.Text("cp313t"))))
        .startsWith("cp313-cp313t-manylinux_2_35_x86_64")
        .noneMatch(tag -> tag.contains("-abi3-"));
    assertThat(
            tags(
                host.with("python.implementation", new Fact.Text("pypy"))
                    .with("python.version", new Fact.Version("3.10.14"))
                    .with("python.abi", new Fact.Text("pypy310_pp73"))))
        .startsWith("pp310-pypy310_pp73-manylinux_2_35_x86_64");
  }

  private static List<String> tags(Fingerprint host) {
    InterpreterFacts.Reading reading = InterpreterFacts.read(host);
    assertThat(reading.why()).isEmpty();
    return SupportedTags.computeStrings(reading.interpreter().orElseThrow());
  }

  /** The {@code wheel} requirements of the example release's variants, evaluated on a host. */
  private static List<Finding> wheelFindings(Fingerprint host) {
    List<Finding> out = new ArrayList<>();
    for (JsonNode variant :
        Examples.named("releases/fraud-detector-1.4.0.yaml").at("/spec/variants")) {
      for (JsonNode requirement : variant.path("requirements")) {
        if (requirement.path("rule").asText().equals("wheel")) {
          out.add(
              Validators.standard()
                  .get("wheel")
                  .prepare(WheelRequirements.rule((ObjectNode) requirement.path("with")))
                  .evaluate(host));
        }
      }
    }
    return out;
  }

  private static Finding evaluate(String file, Fingerprint host) {
    return new WheelValidator().prepare(WheelRequirements.wheel(file)).evaluate(host);
  }

  private static Fingerprint handWritten(String yaml) {
    return FingerprintFiles.parse("hand-written.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}
