package dev.sextant.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String VALUE = "s3cr3t-planted-value";
  private final Secret secret = new Secret(new SecretRef.Env("PLANTED"), VALUE);

  @Test
  void printing_a_secret_shows_stars() {
    assertThat(secret).hasToString("***");
    assertThat("token=" + secret + " in " + Map.of("k", secret)).doesNotContain(VALUE);
  }

  @Test
  void jackson_refuses_to_write_a_secret_and_names_only_its_reference() {
    assertThatThrownBy(() -> new ObjectMapper().writeValueAsString(Map.of("token", secret)))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("env:PLANTED")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void the_value_is_there_for_the_one_who_reveals_it() {
    assertThat(secret.reveal()).isEqualTo(VALUE);
    assertThat(secret.length()).isEqualTo(VALUE.length());
  }

  @Test
  void the_sha256_prefix_matches_sha256sum() {
    // printf %s 's3cr3t-planted-value' | sha256sum
    assertThat(secret.sha256Prefix()).isEqualTo("74d5088b");
  }
}
