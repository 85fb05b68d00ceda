package dev.sextant.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRefTest {
  @Test
  void an_environment_variable_is_read_by_name() {
    assertThat(SecretRef.parse("env:PROM_TOKEN")).isEqualTo(new SecretRef.Env("PROM_TOKEN"));
  }

  @Test
  void a_file_is_read_by_absolute_path() {
    assertThat(SecretRef.parse("file:/etc/sextant/token"))
        .isEqualTo(new SecretRef.File("/etc/sextant/token"));
  }

  @Test
  void a_vault_reference_names_the_mount_the_path_and_the_key() {
    assertThat(SecretRef.parse("vault:kv/sextant/prod-eu#enrollment-token"))
        .isEqualTo(new SecretRef.Vault("kv", "sextant/prod-eu", "enrollment-token"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"env:PROM_TOKEN", "file:/etc/sextant/token", "vault:kv/sextant/prod-eu#token"})
  void describing_a_reference_gives_it_back_as_written(String written) {
    assertThat(SecretRef.parse(written).describe()).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hunter2-literal",
        "env:has space",
        "env:1ABC",
        "file:relative/path",
        "vault:kv#key",
        "vault:kv/path",
        "vault:kv/path#",
        ""
      })
  void anything_else_is_refused_without_repeating_it(String written) {
    assertThatThrownBy(() -> SecretRef.parse(written))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env:NAME, file:/path or vault:mount/path#key")
        .satisfies(
            e -> {
              if (!written.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(written);
              }
            });
  }

  @Test
  void a_reference_reads_and_writes_as_its_text_in_documents() throws Exception {
    ObjectMapper json = new ObjectMapper();

    SecretRef ref = json.readValue("\"vault:kv/sextant/prod-eu#token\"", SecretRef.class);

    assertThat(ref).isEqualTo(new SecretRef.Vault("kv", "sextant/prod-eu", "token"));
    assertThat(json.writeValueAsString(ref)).isEqualTo("\"vault:kv/sextant/prod-eu#token\"");
  }
}
