package dev.sextant.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.secret.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultSecretsTest {
  private static final String TOKEN = "hvs.test-token";
  private static final String VALUE = "vault-planted-7c1e";

  private final VaultFake vault =
      new VaultFake(
          TOKEN,
          Map.of(
              "sextant/prod-eu",
              "{\"enrollment-token\":\"" + VALUE + "\",\"port\":8200,\"nested\":{\"a\":1}}"));

  @TempDir Path home;

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void a_key_is_read_from_the_kv_version_2_data_path_with_the_token() {
    var secret =
        resolve(
            Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", TOKEN),
            "vault:kv/sextant/prod-eu#enrollment-token");

    assertThat(secret.reveal()).isEqualTo(VALUE);
    assertThat(vault.requests()).containsExactly("GET /v1/kv/data/sextant/prod-eu");
  }

  @Test
  void the_token_may_come_from_the_file_vault_login_writes() throws Exception {
    Files.writeString(home.resolve(".vault-token"), TOKEN + "\n");

    var secret =
        resolve(
            Map.of("VAULT_ADDR", vault.address() + "/", "HOME", home.toString()),
            "vault:kv/sextant/prod-eu#enrollment-token");

    assertThat(secret.reveal()).isEqualTo(VALUE);
  }

  @Test
  void a_number_is_read_as_its_text() {
    assertThat(
            resolve(
                    Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", TOKEN),
                    "vault:kv/sextant/prod-eu#port")
                .reveal())
        .isEqualTo("8200");
  }

  @Test
  void a_refused_token_is_said_without_the_token() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", "hvs.wrong-one"),
                    "vault:kv/sextant/prod-eu#enrollment-token"))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessageStartingWith("vault:kv/sextant/prod-eu#enrollment-token: ")
        .hasMessageContaining("refused the token (403 permission denied)")
        .hasMessageNotContaining("hvs.wrong-one")
        .extracting(e -> ((UnresolvedSecretException) e).reason())
        .isEqualTo(UnresolvedSecretException.Reason.REFUSED);
  }

  @Test
  void a_path_vault_does_not_have_is_missing() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", TOKEN),
                    "vault:kv/sextant/nowhere#token"))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessageContaining("has no secret sextant/nowhere in the KV version 2 engine at kv/");
  }

  @Test
  void a_key_the_secret_lacks_lists_its_keys_never_their_values() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", TOKEN),
                    "vault:kv/sextant/prod-eu#enrolment-token"))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessageContaining("has no key \"enrolment-token\"; its keys are:")
        .hasMessageContaining("enrollment-token")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void a_key_holding_a_mapping_is_refused() {
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", vault.address(), "VAULT_TOKEN", TOKEN),
                    "vault:kv/sextant/prod-eu#nested"))
        .hasMessageContaining("holds a mapping, not one text");
  }

  @Test
  void without_an_address_or_a_token_the_setting_to_make_is_named() {
    assertThatThrownBy(() -> resolve(Map.of(), "vault:kv/sextant/prod-eu#enrollment-token"))
        .hasMessageContaining("VAULT_ADDR is not set");
    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", vault.address(), "HOME", home.toString()),
                    "vault:kv/sextant/prod-eu#enrollment-token"))
        .hasMessageContaining("no Vault token: set VAULT_TOKEN");
    assertThatThrownBy(() -> resolve(Map.of("VAULT_ADDR", "vault.example:8200"), "vault:kv/a/b#c"))
        .hasMessageContaining("is not an http or https URL");
  }

  @Test
  void a_vault_that_cannot_be_reached_is_unreachable() {
    String address = vault.address();
    vault.close();

    assertThatThrownBy(
            () ->
                resolve(
                    Map.of("VAULT_ADDR", address, "VAULT_TOKEN", TOKEN),
                    "vault:kv/sextant/prod-eu#enrollment-token"))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessageContaining("cannot reach Vault at " + address)
        .extracting(e -> ((UnresolvedSecretException) e).reason())
        .isEqualTo(UnresolvedSecretException.Reason.UNREACHABLE);
  }

  private static dev.sextant.core.secret.Secret resolve(Map<String, String> env, String ref) {
    return new Secrets(env).resolve(SecretRef.parse(ref));
  }
}
