package dev.sextant.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.secret.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References resolved on this host: environment variables and files. */
class LocalSecretsTest {
  private static final String VALUE = "local-planted-91ab";

  @TempDir Path dir;

  @Test
  void an_environment_variable_is_read_from_the_environment_given() {
    var secret =
        new Secrets(Map.of("DB_PASSWORD", VALUE)).resolve(SecretRef.parse("env:DB_PASSWORD"));

    assertThat(secret.reveal()).isEqualTo(VALUE);
    assertThat(secret.source().describe()).isEqualTo("env:DB_PASSWORD");
  }

  @Test
  void an_unset_or_empty_variable_is_named() {
    assertThatThrownBy(() -> new Secrets(Map.of()).resolve(SecretRef.parse("env:DB_PASSWORD")))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessage(
            "env:DB_PASSWORD: the environment variable DB_PASSWORD is not set in this process");
    assertThatThrownBy(
            () ->
                new Secrets(Map.of("DB_PASSWORD", "")).resolve(SecretRef.parse("env:DB_PASSWORD")))
        .hasMessageContaining("is set but empty");
  }

  @Test
  void a_file_readable_by_its_owner_only_is_read_without_its_last_line_break() throws Exception {
    Path file = secretFile("token", VALUE + "\n", "rw-------");

    var secret = new Secrets(Map.of()).resolve(SecretRef.parse("file:" + file));

    assertThat(secret.reveal()).isEqualTo(VALUE);
  }

  @Test
  void a_file_others_can_read_is_refused_saying_why_and_how_to_fix_it() throws Exception {
    Path file = secretFile("token", VALUE, "rw-r--r--");

    assertThatThrownBy(() -> new Secrets(Map.of()).resolve(SecretRef.parse("file:" + file)))
        .isInstanceOf(UnresolvedSecretException.class)
        .hasMessage(
            "file:"
                + file
                + ": the file is readable by its group or by others (rw-r--r--); a secret file"
                + " must be readable by its owner only: chmod 600 "
                + file)
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void a_missing_file_a_directory_and_an_empty_file_are_refused() throws Exception {
    assertThatThrownBy(
            () -> new Secrets(Map.of()).resolve(SecretRef.parse("file:" + dir.resolve("none"))))
        .hasMessageContaining("no such file; write the secret there");
    assertThatThrownBy(() -> new Secrets(Map.of()).resolve(SecretRef.parse("file:" + dir)))
        .hasMessageContaining("it is not a regular file");
    Path empty = secretFile("empty", "\n", "rw-------");
    assertThatThrownBy(() -> new Secrets(Map.of()).resolve(SecretRef.parse("file:" + empty)))
        .hasMessageContaining("the file is empty");
  }

  @Test
  void a_file_too_big_to_be_one_secret_is_refused() throws Exception {
    Path big = secretFile("big", "x".repeat((int) FileSecrets.MAX_BYTES + 1), "rw-------");

    assertThatThrownBy(() -> new Secrets(Map.of()).resolve(SecretRef.parse("file:" + big)))
        .hasMessageContaining("too big to be one secret");
  }

  private Path secretFile(String name, String content, String permissions) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }
}
