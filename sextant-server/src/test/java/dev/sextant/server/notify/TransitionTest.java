package dev.sextant.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.store.RolloutMoved;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionTest {

  @Test
  void a_first_move_and_a_change_of_phase_are_news_and_the_engines_own_moves_in_a_phase_are_not() {
    assertThat(transition("start", "progressing", Optional.empty()).isNews()).isTrue();
    assertThat(transition("finish a step", "paused", Optional.of("progressing")).isNews()).isTrue();
    assertThat(transition("fire a timer", "progressing", Optional.of("progressing")).isNews())
        .isFalse();
    assertThat(transition("take a measurement", "analyzing", Optional.of("analyzing")).isNews())
        .isFalse();
  }

  @Test
  void an_operators_verb_is_news_even_when_the_phase_stays() {
    for (String verb : Transition.MANUAL) {
      Transition same = transition(verb, "paused", Optional.of("paused"));
      assertThat(same.isNews()).as(verb).isTrue();
      assertThat(same.manual()).as(verb).isTrue();
    }
  }

  @Test
  void the_back_off_doubles_from_the_first_pause_up_to_the_most() {
    NotifySettings settings =
        new NotifySettings(
            9,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Optional.empty());

    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.backoffAfter(60)).isEqualTo(Duration.ofSeconds(5));
  }

  private static Transition transition(String verb, String phase, Optional<String> before) {
    return new Transition(new RolloutMoved("ro-1", 2, verb, phase, 0, "", 0), before);
  }
}
