package dev.sextant.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.LabelRequirement.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {
  private static final Map<String, String> PROD_EU =
      Map.of("tier", "prod", "region", "eu-west", "app.kubernetes.io/name", "checkout");

  @ParameterizedTest(name = "\"{0}\" matches tier=prod,region=eu-west: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                    | true
          '   '                                 | true
          tier=prod                             | true
          tier==prod                            | true
          tier = prod                           | true
          tier=dev                              | false
          tier!=dev                             | true
          tier!=prod                            | false
          missing!=anything                     | true
          tier in (prod,staging)                | true
          tier in (dev, staging)                | false
          tier notin (dev,staging)              | true
          tier notin (prod)                     | false
          missing notin (a,b)                   | true
          missing in (a,b)                      | false
          tier                                  | true
          missing                               | false
          !missing                              | true
          ! tier                                | false
          tier=prod,region=eu-west              | true
          tier=prod,region=us-east              | false
          'tier=prod , region in (eu-west) , !deprecated' | true
          app.kubernetes.io/name=checkout       | true
          app.kubernetes.io/name notin (cart)   | true
          tier=                                 | false
          missing=                              | false
          tier!=                                | true
          """)
  void a_selector_matches_labels_as_kubernetes_does(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(PROD_EU)).isEqualTo(expected);
  }

  @Test
  void an_empty_value_selects_labels_whose_value_is_empty() {
    LabelSelector selector = LabelSelector.parse("canary=");

    assertThat(selector.matches(Map.of("canary", ""))).isTrue();
    assertThat(selector.matches(Map.of("canary", "yes"))).isFalse();
    assertThat(selector.matches(Map.of())).isFalse();
  }

  @Test
  void everything_and_the_blank_selector_match_resources_without_labels() {
    assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
    assertThat(LabelSelector.parse("").selectsEverything()).isTrue();
    assertThat(LabelSelector.parse(" \t ")).isEqualTo(LabelSelector.EVERYTHING);
  }

  @Test
  void parsing_yields_the_requirements_in_order() {
    assertThat(LabelSelector.parse("a=1, b!=2, c in (y,x), d notin (z), e, !f").requirements())
        .containsExactly(
            LabelRequirement.of("a", Operator.EQUALS, "1"),
            LabelRequirement.of("b", Operator.NOT_EQUALS, "2"),
            LabelRequirement.of("c", Operator.IN, "x", "y"),
            LabelRequirement.of("d", Operator.NOT_IN, "z"),
            LabelRequirement.of("e", Operator.EXISTS),
            LabelRequirement.of("f", Operator.DOES_NOT_EXIST));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tier=prod",
        "tier!=prod",
        "region in (eu,us)",
        "region notin (eu)",
        "deprecated",
        "!deprecated",
        "canary=",
        "example.com/team=payments,tier in (a,b,c),!x"
      })
  void a_selector_prints_as_text_that_parses_back_to_the_same_selector(String text) {
    LabelSelector selector = LabelSelector.parse(text);

    assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
  }

  @Test
  void the_double_equals_sign_means_the_same_as_the_single_one() {
    assertThat(LabelSelector.parse("tier==prod")).isEqualTo(LabelSelector.parse("tier=prod"));
  }

  @Test
  void duplicate_values_in_a_set_are_one_value() {
    assertThat(LabelSelector.parse("a in (x,x,y)")).isEqualTo(LabelSelector.parse("a in (y,x)"));
  }

  @ParameterizedTest(name = "\"{0}\" fails at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tier=prod,          | 10 | expected a label key at the start of a requirement
          ,tier               | 0  | expected a label key at the start of a requirement, found ','
          tier=prod region=eu | 10 | expected ',' or the end of the selector after a requirement
          tier in prod        | 8  | expected '(' after 'in', found 'prod'
          tier notin prod     | 11 | expected '(' after 'notin', found 'prod'
          tier in ()          | 9  | expected a label value in the set after 'in', found ')'
          tier in (a,)        | 11 | expected a label value in the set after 'in', found ')'
          tier in (a b)       | 11 | expected ',' or ')' in the set after 'in', found 'b'
          tier in (a          | 10 | expected ',' or ')' in the set after 'in', found the end
          tier prod           | 5  | or the end of the selector after label key 'tier'
          tier=a=b            | 6  | expected ',' or the end of the selector after a requirement
          !                   | 1  | expected a label key after '!', found the end
          !=prod              | 0  | expected a label key at the start of a requirement
          =prod               | 0  | expected a label key at the start of a requirement, found '='
          in (a)              | 0  | expected a label key at the start of a requirement
          tier=(a)            | 5  | expected a label value after '=', found '('
          tier!=in            | 6  | expected a label value after '!=', found 'in'
          tier)               | 4  | expected '=', '==', '!=', 'in', 'notin', ','
          """)
  void a_syntax_error_names_its_position_and_what_was_expected(
      String selector, int position, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(
            InvalidSelectorException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.selector()).isEqualTo(selector);
              assertThat(e.getMessage())
                  .startsWith("invalid label selector \"" + selector + "\" at position " + position)
                  .contains(message);
            });
  }

  @ParameterizedTest(name = "\"{0}\" is rejected at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -tier=prod                 | 0  | label key '-tier' must consist of letters, digits
          tier_=prod                 | 0  | label key 'tier_' must consist of letters, digits
          ti*er                      | 0  | label key 'ti*er' must consist
          /tier=prod                 | 0  | label key '/tier' has an empty prefix before '/'
          example.com/=prod          | 0  | label key name is empty
          Example.com/tier=prod      | 0  | label key prefix 'Example.com' is not a DNS subdomain
          -example.com/tier          | 0  | label key prefix '-example.com' is not a DNS subdomain
          example..com/tier          | 0  | label key prefix 'example..com' is not a DNS subdomain
          a/b/c=d                    | 0  | label key name 'b/c' must consist
          tier=prod-                 | 5  | label value 'prod-' must consist
          tier in (ok,.bad)          | 12 | label value '.bad' must consist
          tier notin (a%b)           | 12 | label value 'a%b' must consist
          """)
  void keys_and_values_must_follow_the_kubernetes_label_rules(
      String selector, int position, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(
            InvalidSelectorException.class,
            e -> {
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void a_name_may_have_63_characters_but_not_64() {
    String name63 = "a".repeat(63);

    assertThat(LabelSelector.parse(name63 + "=" + name63).matches(Map.of(name63, name63))).isTrue();
    assertThatThrownBy(() -> LabelSelector.parse("a".repeat(64)))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("is longer than 63 characters");
    assertThatThrownBy(() -> LabelSelector.parse("tier=" + "v".repeat(64)))
        .hasMessageContaining("label value")
        .hasMessageContaining("is longer than 63 characters");
  }

  @Test
  void a_prefix_may_have_253_characters_but_not_254() {
    String prefix253 = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
    assertThat(prefix253).hasSize(253);

    assertThat(LabelSelector.parse(prefix253 + "/name").requirements()).hasSize(1);
    assertThatThrownBy(() -> LabelSelector.parse("b" + prefix253 + "/name"))
        .hasMessageContaining("is longer than 253 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "A", "0", "a.b", "a-b", "a_b", "A1-b_c.D", "x/y", "a-b.c/d"})
  void these_keys_are_valid(String key) {
    assertThat(LabelSyntax.keyProblem(key)).isEmpty();
  }

  @Test
  void the_empty_value_is_a_valid_label_value_but_the_empty_key_is_not() {
    assertThat(LabelSyntax.valueProblem("")).isEmpty();
    assertThat(LabelSyntax.keyProblem("")).contains("label key is empty");
  }

  @Test
  void an_invalid_selector_is_an_illegal_argument() {
    assertThatThrownBy(() -> LabelSelector.parse("a in"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
