package dev.sextant.core.compat.runtime;

import static dev.sextant.core.compat.Fixtures.fingerprint;
import static dev.sextant.core.compat.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeValidatorsTest {
  private static final Fingerprint H100 = fingerprint("h100.yaml");
  private static final Fingerprint GRAVITON = fingerprint("graviton-arm.yaml");
  private static final Validator PYTHON = new PythonValidator();
  private static final Validator JAVA = new JavaValidator();

  @Test
  void both_are_found_through_service_loader_with_their_sources() {
    Validators standard = Validators.standard();
    assertThat(standard.get("python")).isInstanceOf(PythonValidator.class);
    assertThat(standard.get("java")).isInstanceOf(JavaValidator.class);
    assertThat(PYTHON.source()).contains("https://peps.python.org/pep-0440/");
    assertThat(JAVA.source()).contains("https://openjdk.org/jeps/223");
    assertThat(PYTHON.summary()).isNotBlank();
    assertThat(JAVA.summary()).isNotBlank();
  }

  // python

  @Test
  void python_meets_a_pep_440_range_and_says_what_it_saw() {
    Constraint constraint =
        PYTHON.prepare(
            yaml("{rule: python, with: {version: '>=3.10,<3.13', implementation: CPython}}"));
    Finding finding = constraint.evaluate(H100);
    assertThat(finding.met()).isTrue();
    assertThat(finding.facts()).containsExactly("python.version", "python.implementation");
    assertThat(finding.observed()).isEqualTo("cpython 3.11.9");
    assertThat(finding.required())
        .isEqualTo("Python (cpython) >=3.10,<3.13 (PEP 440: at least 3.10 and below 3.13)");
  }

  @Test
  void python_outside_the_range_or_of_another_implementation_is_not_met() {
    Constraint newer = PYTHON.prepare(yaml("{rule: python, with: {version: '>=3.12'}}"));
    Finding finding = newer.evaluate(GRAVITON);
    assertThat(finding.met()).isFalse();
    assertThat(finding.reason()).isEqualTo("Python 3.11.2 is not at least 3.12");
    Constraint pypy = PYTHON.prepare(yaml("{rule: python, with: {implementation: pypy}}"));
    assertThat(pypy.evaluate(H100).reason()).isEqualTo("the Python is cpython, not pypy");
    assertThat(pypy.evaluate(H100.with("python.implementation", new Fact.Text("PyPy"))).met())
        .isTrue();
  }

  @Test
  void python_that_is_not_there_is_not_met() {
    Fingerprint none = H100.without("python.version").without("python.implementation");
    Finding finding =
        PYTHON.prepare(yaml("{rule: python, with: {version: '>=3.8'}}")).evaluate(none);
    assertThat(finding.met()).isFalse();
    assertThat(finding.observed()).isEqualTo("version absent");
    assertThat(finding.reason()).isEqualTo("python.version is absent");
    assertThat(
            PYTHON
                .prepare(yaml("{rule: python, with: {implementation: cpython}}"))
                .evaluate(none)
                .met())
        .isFalse();
  }

  @Test
  void an_installed_python_release_candidate_meets_the_ranges_it_is_in() {
    Fingerprint rc = H100.with("python.version", new Fact.Version("3.13.0rc1"));
    assertThat(PYTHON.prepare(yaml("{rule: python, with: {version: '>=3.12'}}")).evaluate(rc).met())
        .isTrue();
    assertThat(PYTHON.prepare(yaml("{rule: python, with: {version: '<3.13'}}")).evaluate(rc).met())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{rule: python}| with.version| is missing",
        "{rule: python, with: {version: '3.11'}}| with.version| has no operator",
        "{rule: python, with: {version: '^3.11'}}| with.version| not a PEP 440 specifier set",
        "{rule: python, with: {versions: '>=3.11'}}| with.versions| has no argument",
        "{rule: python, with: {implementation: [cpython]}}| with.implementation| expected text",
      })
  void python_arguments_are_checked(String requirement, String field, String problem) {
    assertThatThrownBy(() -> PYTHON.prepare(yaml(requirement)))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class, e -> assertThat(e.field()).isEqualTo(field.strip()))
        .hasMessageContaining(problem.strip());
  }

  // java

  @ParameterizedTest(name = "{0} with java {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{version: '>=17'}| 17.0.15| true",
        "{version: '>=17'}| 21.0.2+13-LTS| true",
        "{version: '>=17'}| 11.0.22| false",
        "{version: '>=17,<21'}| 21| false",
        "{version: '>=17,<21'}| 17-ea| true",
        "{min: 17}| 17.0.9| true",
        "{min: 17}| 1.8.0_392| false",
        "{min: 8}| 1.8.0_392| true",
        "{min: '1.8'}| 1.8.0_392| true",
        "{min: '1.8'}| 11.0.2| true",
        "{version: '>=8.0.300'}| 1.8.0_392| true",
        "{version: '>=8.0.400'}| 1.8.0_392| false",
        "{version: '>=17', min: 21}| 17.0.15| false",
      })
  void java_versions_are_read_as_jep_223_writes_them(String with, String version, boolean met) {
    Fingerprint host = H100.with("java.version", new Fact.Version(version));
    assertThat(JAVA.prepare(yaml("{rule: java, with: " + with + "}")).evaluate(host).met())
        .isEqualTo(met);
  }

  @Test
  void java_findings_say_what_was_required_and_seen() {
    Constraint constraint = JAVA.prepare(yaml("{rule: java, with: {version: '>=17'}}"));
    Finding old = constraint.evaluate(H100.with("java.version", new Fact.Version("11.0.22")));
    assertThat(old.facts()).containsExactly("java.version");
    assertThat(old.required()).isEqualTo("Java >=17");
    assertThat(old.observed()).isEqualTo("11.0.22");
    assertThat(old.reason()).isEqualTo("Java 11.0.22 is not at least 17");
    Finding none = constraint.evaluate(H100);
    assertThat(none.met()).isFalse();
    assertThat(none.observed()).isEqualTo(Finding.ABSENT);
    assertThat(none.reason()).isEqualTo("java.version is absent");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{rule: java}| with.version| is missing",
        "{rule: java, with: {version: '^17'}}| with.version| not a dotted version range",
        "{rule: java, with: {min: seventeen}}| with.min| not a dotted version range",
        "{rule: java, with: {max: 21}}| with.max| has no argument",
      })
  void java_arguments_are_checked(String requirement, String field, String problem) {
    assertThatThrownBy(() -> JAVA.prepare(yaml(requirement)))
        .isInstanceOfSatisfying(
            InvalidRequirementException.class, e -> assertThat(e.field()).isEqualTo(field.strip()))
        .hasMessageContaining(problem.strip());
  }
}
