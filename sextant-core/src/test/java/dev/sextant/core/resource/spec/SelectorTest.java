package dev.sextant.core.resource.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Selector.Expression;
import dev.sextant.core.resource.spec.Selector.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {
  private static final Map<String, String> PROD_EU =
      Map.of("tier", "prod", "region", "eu-central-1", "jurisdiction", "eu");
  private static final Map<String, String> DEV = Map.of("tier", "dev");

  @Test
  void an_empty_selector_matches_everything() {
    assertThat(Selector.EVERYTHING.matches(PROD_EU)).isTrue();
    assertThat(Selector.EVERYTHING.matches(Map.of())).isTrue();
  }

  @Test
  void match_labels_need_every_pair() {
    Selector prodEu = new Selector(Map.of("tier", "prod", "jurisdiction", "eu"), List.of());

    assertThat(prodEu.matches(PROD_EU)).isTrue();
    assertThat(prodEu.matches(Map.of("tier", "prod"))).isFalse();
  }

  @Test
  void expressions_follow_kubernetes_set_semantics() {
    assertThat(one("tier", Operator.IN, "prod", "staging").matches(PROD_EU)).isTrue();
    assertThat(one("tier", Operator.IN, "prod", "staging").matches(DEV)).isFalse();
    assertThat(one("jurisdiction", Operator.NOT_IN, "us").matches(PROD_EU)).isTrue();
    assertThat(one("jurisdiction", Operator.NOT_IN, "us").matches(DEV))
        .as("a missing label is not in any set")
        .isTrue();
    assertThat(one("region", Operator.EXISTS).matches(PROD_EU)).isTrue();
    assertThat(one("region", Operator.EXISTS).matches(DEV)).isFalse();
    assertThat(one("region", Operator.DOES_NOT_EXIST).matches(DEV)).isTrue();
  }

  @Test
  void labels_and_expressions_must_all_hold() {
    Selector selector =
        new Selector(
            Map.of("tier", "prod"),
            List.of(new Expression("jurisdiction", Operator.IN, List.of("eu"))));

    assertThat(selector.matches(PROD_EU)).isTrue();
    assertThat(selector.matches(Map.of("tier", "prod", "jurisdiction", "us"))).isFalse();
  }

  private static Selector one(String key, Operator operator, String... values) {
    return new Selector(Map.of(), List.of(new Expression(key, operator, List.of(values))));
  }
}
