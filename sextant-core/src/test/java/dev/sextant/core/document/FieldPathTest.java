package dev.sextant.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  private static final FieldPath VARIANT = FieldPath.ROOT.child("spec").child("variants").child(0);

  @Test
  void renders_names_with_dots_and_indexes_in_brackets() {
    assertThat(VARIANT.child("artifact").toString()).isEqualTo("spec.variants[0].artifact");
    assertThat(FieldPath.ROOT.child(2).child("name").toString()).isEqualTo("[2].name");
    assertThat(FieldPath.ROOT.child("kube-system").child("my_field").toString())
        .isEqualTo("kube-system.my_field");
    assertThat(FieldPath.ROOT.toString()).isEmpty();
  }

  @Test
  void quotes_names_that_would_read_ambiguously() {
    FieldPath facts = FieldPath.ROOT.child("spec").child("facts");

    assertThat(facts.child("gpu.driver.version").toString())
        .isEqualTo("spec.facts[\"gpu.driver.version\"]");
    assertThat(facts.child("say \"hi\"").toString()).isEqualTo("spec.facts[\"say \\\"hi\\\"\"]");
    assertThat(facts.child("1st").toString()).isEqualTo("spec.facts[\"1st\"]");
    assertThat(facts.child("").toString()).isEqualTo("spec.facts[\"\"]");
    assertThat(facts.child("app.kubernetes.io/name").child("x").toString())
        .isEqualTo("spec.facts[\"app.kubernetes.io/name\"].x");
  }

  @Test
  void renders_as_a_json_pointer_with_escapes() {
    assertThat(VARIANT.child("artifact").pointer()).isEqualTo("/spec/variants/0/artifact");
    assertThat(FieldPath.ROOT.child("a/b~c").pointer()).isEqualTo("/a~1b~0c");
    assertThat(FieldPath.ROOT.pointer()).isEmpty();
  }

  @Test
  void parent_depth_and_equality() {
    assertThat(VARIANT.depth()).isEqualTo(3);
    assertThat(VARIANT.parent()).isEqualTo(FieldPath.ROOT.child("spec").child("variants"));
    assertThat(VARIANT.parent().parent().parent()).isEqualTo(FieldPath.ROOT);
    assertThat(FieldPath.ROOT.parent()).isSameAs(FieldPath.ROOT);
    assertThat(FieldPath.ROOT.isRoot()).isTrue();
    assertThat(VARIANT.isRoot()).isFalse();
    assertThat(FieldPath.of(List.of("spec", "variants", 0)))
        .isEqualTo(VARIANT)
        .hasSameHashCodeAs(VARIANT);
    // An index and a name that reads the same are different fields.
    assertThat(FieldPath.ROOT.child(0)).isNotEqualTo(FieldPath.ROOT.child("0"));
  }

  @Test
  void a_path_is_made_of_names_and_indexes_only() {
    assertThatThrownBy(() -> FieldPath.of(List.of("spec", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a name or an index");
  }

  @Test
  void a_child_does_not_change_its_parent() {
    FieldPath spec = FieldPath.ROOT.child("spec");
    spec.child("a");

    assertThat(spec.toString()).isEqualTo("spec");
  }
}
