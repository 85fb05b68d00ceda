package dev.sextant.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.spec.Requirement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code plan --rules} says of each rule's arguments holds: its example prepares, a required
 * argument left out is refused at that argument, an optional one left out is not, and an argument
 * it does not list is refused.
 */
class ValidatorArgumentsTest {

  static Iterable<Validator> validators() {
    return Validators.standard().all();
  }

  @ParameterizedTest
  @MethodSource("validators")
  void every_built_in_rule_lists_its_arguments_and_its_example_prepares(Validator validator) {
    assertThat(validator.arguments()).as(validator.rule()).isNotEmpty();
    assertThat(validator.arguments())
        .allSatisfy(a -> assertThat(a.description()).as(a.name()).isNotBlank());

    assertThatCode(() -> validator.prepare(example(validator)))
        .as(validator.rule())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("validators")
  void a_required_argument_left_out_is_refused_at_that_argument_and_an_optional_one_is_not(
      Validator validator) {
    for (Argument argument : validator.arguments()) {
      ObjectNode with = example(validator).with().deepCopy();
      if (with.remove(argument.name()) == null) {
        assertThat(argument.required())
            .as(validator.rule() + "'s example lacks required " + argument.name())
            .isFalse();
        continue;
      }
      Requirement without = Fixtures.rule(validator.rule(), with.toString());
      if (argument.required()) {
        InvalidRequirementException e =
            catchThrowableOfType(
                () -> validator.prepare(without), InvalidRequirementException.class);
        assertThat(e).as(validator.rule() + " without " + argument.name()).isNotNull();
        assertThat(e.field()).isEqualTo("with." + argument.name());
      } else {
        assertThatCode(() -> validator.prepare(without))
            .as(validator.rule() + " without " + argument.name())
            .doesNotThrowAnyException();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("validators")
  void an_argument_the_rule_does_not_list_is_refused(Validator validator) {
    ObjectNode with = example(validator).with().deepCopy().put("unlisted", "1");

    InvalidRequirementException e =
        catchThrowableOfType(
            () -> validator.prepare(Fixtures.rule(validator.rule(), with.toString())),
            InvalidRequirementException.class);

    assertThat(e).as(validator.rule()).isNotNull();
    assertThat(e.field()).isEqualTo("with.unlisted");
  }

  private static Requirement example(Validator validator) {
    String with =
        validator
            .example()
            .orElseThrow(() -> new AssertionError(validator.rule() + " has no example"));
    return Fixtures.yaml("{rule: " + validator.rule() + ", with: " + with + "}");
  }
}
