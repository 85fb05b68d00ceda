package dev.sextant.core.compat.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WheelValidatorTest {
  private static final String TORCH = "torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl";

  private static Finding evaluate(String file, String environment) {
    return evaluate(file, Fixtures.fingerprint(environment));
  }

  private static Finding evaluate(String file, Fingerprint fingerprint) {
    return new WheelValidator().prepare(WheelRequirements.wheel(file)).evaluate(fingerprint);
  }

  @Test
  void the_rule_is_found_through_the_service_loader() {
    assertThat(Validators.standard().get("wheel")).isInstanceOf(WheelValidator.class);
    assertThat(new WheelValidator().source()).contains("PEP 427", "PEP 425", "PEP 600", "PEP 656");
  }

  @Test
  void a_match_names_the_best_tag_and_its_rank() {
    Finding finding =
        evaluate(
            "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "cp311-manylinux_2_35_x86_64");

    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("python.tags");
    assertThat(finding.required())
        .contains("cp311-cp311-manylinux2014_x86_64", "cp311-cp311-manylinux_2_17_x86_64");
    assertThat(finding.observed()).isEqualTo("cp311-cp311-manylinux_2_17_x86_64 (rank 19 of 889)");
    assertThat(finding.caveats()).isEmpty();
  }

  @Test
  void a_plain_linux_wheel_is_accepted_with_a_caveat() {
    Finding finding = evaluate(TORCH, "cp311-manylinux_2_35_x86_64");

    assertThat(finding.met()).isTrue();
    assertThat(finding.observed()).startsWith("cp311-cp311-linux_x86_64 (rank ");
    assertThat(finding.caveats()).singleElement().asString().contains("linux_x86_64", "PEP 513");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      numpy-1.26.4-cp311-cp311-macosx_11_0_arm64.whl | cp311-manylinux_2_35_x86_64 | platform macosx_11_0_arm64 is not a Linux tag; the environment is linux_x86_64
      torch-2.3.1-cp311-cp311-win_amd64.whl | cp311-manylinux_2_26_aarch64 | platform win_amd64 is not a Linux tag; the environment is linux_aarch64
      foo-1.0-cp311-cp311-manylinux_2_35_x86_64.whl | cp311-manylinux_2_34_x86_64 | platform manylinux_2_35_x86_64 needs glibc ≥ 2.35 but the environment's newest manylinux tag is manylinux_2_34_x86_64
      foo-1.0-cp311-cp311-manylinux_2_28_aarch64.whl | cp311-manylinux_2_26_aarch64 | needs glibc ≥ 2.28 but the environment's newest manylinux tag is manylinux_2_26_aarch64
      foo-1.0-cp311-cp311-manylinux_2_5_aarch64.whl | cp311-manylinux_2_26_aarch64 | is older than the oldest manylinux tag the environment accepts, manylinux_2_17_aarch64
      foo-1.0-cp311-cp311-musllinux_1_3_x86_64.whl | cp311-musllinux_1_2_x86_64 | needs musl ≥ 1.3 but the environment's newest musllinux tag is musllinux_1_2_x86_64
      foo-1.0-cp311-cp311-manylinux2014_x86_64.whl | cp311-musllinux_1_2_x86_64 | platform manylinux2014_x86_64 (= manylinux_2_17) needs glibc; the environment lists no manylinux tags (its C library is musl
      numpy-1.26.4-cp311-cp311-musllinux_1_1_x86_64.whl | cp311-manylinux_2_35_x86_64 | needs musl; the environment lists no musllinux tags (its C library is glibc
      numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | cp311-manylinux_2_26_aarch64 | : platform manylinux_2_17_x86_64 is for x86_64; the environment is aarch64
      numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | cp311-manylinux_2_35_x86_64 | : ABI cp310 vs the environment's cp311
      numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | cp311-manylinux_2_35_x86_64 | interpreter cp312 needs Python 3.12; the environment runs cp311; ABI cp312 vs the environment's cp311
      foo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl | cp311-manylinux_2_35_x86_64 | : interpreter cp312 needs Python 3.12; the environment runs cp311
      foo-1.0-py2-none-any.whl | cp311-manylinux_2_35_x86_64 | interpreter py2 is for Python 2; the environment runs cp311
      foo-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl | cp311-manylinux_2_35_x86_64 | interpreter pp310 is not one the environment's Python (cp311) accepts
      foo-1.0-cp311-abi3-any.whl | cp311-manylinux_2_35_x86_64 | the environment accepts each part of cp311-abi3-any but not in this combination
      """)
  void a_refusal_says_why(String file, String environment, String why) {
    Finding finding = evaluate(file, environment);

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed())
        .endsWith("py30-none-any (" + Fixtures.tags(environment).size() + ")");
    assertThat(finding.reason()).startsWith("pip would refuse " + file + ": ").contains(why);
  }

  @Test
  void a_legacy_alias_and_its_pep_600_name_are_explained_once() {
    Finding finding =
        evaluate(
            "numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
            "cp311-manylinux_2_35_x86_64");

    assertThat(finding.reason())
        .isEqualTo(
            "pip would refuse numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64."
                + "manylinux2014_aarch64.whl: platform manylinux_2_17_aarch64 is for aarch64; the environment is x86_64");
  }

  @Test
  void without_python_tags_the_requirement_is_not_met_and_says_who_collects_them() {
    Finding finding =
        evaluate(TORCH, Fingerprint.of(Map.of("python.version", new Fact.Version("3.11.7"))));

    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo(Finding.ABSENT);
    assertThat(finding.reason()).contains("no python.tags", "Python probe");
  }

  @Test
  void python_tags_of_another_type_are_not_read_as_a_list() {
    Finding finding =
        evaluate(
            TORCH,
            Fingerprint.of(Map.of("python.tags", new Fact.Text("cp311-cp311-linux_x86_64"))));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).contains("python.tags is a string");
  }

  @Test
  void an_empty_tag_list_accepts_nothing() {
    Finding finding =
        evaluate(TORCH, Fingerprint.of(Map.of("python.tags", new Fact.Sequence(List.of()))));

    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).endsWith("the environment's python.tags is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      torch-2.3.1-cp311-cp311-linux_x86_64.zip | it does not end in .whl
      torch-cp311-cp311-linux_x86_64.whl | it has 4 parts separated by '-' where 5 or 6 are expected
      torch-2.3.1-gpu-cp311-cp311-linux_x86_64.whl | build tag "gpu" must start with a digit
      torch-2.3.x-cp311-cp311-linux_x86_64.whl | "2.3.x" is not a PEP 440 version
      torch__nightly-2.3.1-cp311-cp311-linux_x86_64.whl | distribution name "torch__nightly" may only hold
      torch-2.3.1-cp311-cp311-linux_x86_64..manylinux1_x86_64.whl | platform tag "linux_x86_64..manylinux1_x86_64" has an empty part
      dist/torch-2.3.1-cp311-cp311-linux_x86_64.whl | is a path or URL; expected the wheel's file name alone
      """)
  void a_bad_file_name_is_refused_at_with_file(String file, String problem) {
    assertThatThrownBy(() -> new WheelValidator().prepare(WheelRequirements.wheel(file)))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class, e -> assertThat(e.field()).isEqualTo("with.file"))
        .hasMessageStartingWith("rule wheel: file ")
        .hasMessageContaining(problem);
  }

  @Test
  void file_is_required_and_other_arguments_are_refused() {
    assertThatThrownBy(
            () ->
                new WheelValidator()
                    .prepare(WheelRequirements.rule(JsonNodeFactory.instance.objectNode())))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageContaining("file is missing");
    assertThatThrownBy(
            () ->
                new WheelValidator()
                    .prepare(
                        WheelRequirements.rule(
                            JsonNodeFactory.instance.objectNode().put("fiel", TORCH))))
        .isInstanceOf(InvalidRequirementException.class)
        .hasMessageContaining("no argument \"fiel\"");
  }

  @Test
  void one_prepared_constraint_serves_every_environment() {
    var constraint =
        new WheelValidator().prepare(WheelRequirements.wheel("six-1.16.0-py2.py3-none-any.whl"));

    assertThat(Fixtures.ENVIRONMENTS)
        .allSatisfy(
            environment ->
                assertThat(constraint.evaluate(Fixtures.fingerprint(environment)).observed())
                    .startsWith("py3-none-any (rank "));
  }
}
