package dev.sextant.core.resource.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.schema.Examples;
import dev.sextant.core.secret.SecretRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierSpecTest {
  @Test
  void the_slack_example_takes_its_url_from_a_secret_and_hears_only_bad_news_from_production() {
    NotifierSpec slack =
        (NotifierSpec)
            Specs.read(Kind.NOTIFIER, Examples.named("notifiers/team-slack.yaml").path("spec"));

    assertThat(slack.type()).isEqualTo(NotifierSpec.Type.SLACK);
    assertThat(slack.url())
        .isEqualTo(new EnvValue.FromSecret(SecretRef.parse("env:SLACK_DEPLOYS_WEBHOOK")));
    assertThat(slack.selects("checkout-web", Map.of("tier", "prod"))).isTrue();
    assertThat(slack.selects("checkout-web", Map.of("tier", "dev"))).isFalse();
    assertThat(slack.selects("fraud-detector", Map.of("tier", "prod"))).isFalse();
    assertThat(slack.wants("aborted")).isTrue();
    assertThat(slack.wants("paused")).isFalse();
  }

  @Test
  void a_notifier_that_names_nothing_hears_of_every_transition_everywhere() {
    NotifierSpec all = read("type: webhook\nurl: https://hooks.example/sextant\n");

    assertThat(all.selects("anything", Map.of())).isTrue();
    assertThat(all.wants("progressing")).isTrue();
    assertThat(all.url()).isEqualTo(new EnvValue.Plain("https://hooks.example/sextant"));
  }

  @Test
  void a_header_that_carries_a_credential_must_be_a_secret_reference() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    type: webhook
                    url: https://hooks.example/sextant
                    headers:
                      X-Api-Key: the-key-itself
                    """))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("spec.headers.X-Api-Key");
              assertThat(e.getMessage()).contains("secretRef").doesNotContain("the-key-itself");
            });
  }

  private static NotifierSpec read(String spec) {
    return (NotifierSpec) Specs.read(Kind.NOTIFIER, Examples.parse(spec));
  }
}
