package dev.sextant.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  private static final List<String> KINDS =
      List.of(
          "Environment",
          "Service",
          "Release",
          "Policy",
          "Strategy",
          "AnalysisTemplate",
          "Pipeline");

  @Test
  void suggests_the_nearest_name_for_a_misspelling() {
    assertThat(DidYouMean.nearest("Servce", KINDS)).contains("Service");
    assertThat(DidYouMean.nearest("Enviroment", KINDS)).contains("Environment");
    assertThat(DidYouMean.nearest("AnalysisTemplates", KINDS)).contains("AnalysisTemplate");
  }

  @Test
  void ignores_case_and_counts_a_swap_of_neighbours_as_one_edit() {
    assertThat(DidYouMean.nearest("service", KINDS)).contains("Service");
    assertThat(DidYouMean.nearest("Sevrice", KINDS)).contains("Service");
    assertThat(DidYouMean.distance("ca", "ac")).isEqualTo(1);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggests_nothing_when_no_name_is_near() {
    assertThat(DidYouMean.nearest("Deployment", KINDS)).isEmpty();
    assertThat(DidYouMean.nearest("xy", List.of("abc"))).isEmpty();
    assertThat(DidYouMean.nearest("anything", List.of())).isEmpty();
  }

  @Test
  void allows_more_edits_for_longer_words() {
    // One edit for short words, a third of the length (at most three) for longer ones.
    assertThat(DidYouMean.nearest("ab", List.of("abc"))).contains("abc");
    assertThat(DidYouMean.nearest("repliacs", List.of("replicas"))).contains("replicas");
    assertThat(DidYouMean.nearest("raplecas", List.of("replicas"))).contains("replicas");
    assertThat(DidYouMean.nearest("rxplxcxs", List.of("replicas"))).isEmpty();
  }

  @Test
  void hint_is_a_clause_to_append_or_nothing() {
    assertThat(DidYouMean.hint("Servce", KINDS)).isEqualTo("; did you mean \"Service\"?");
    assertThat(DidYouMean.hint("Deployment", KINDS)).isEmpty();
  }
}
