package dev.sextant.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.fingerprint.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentKeysTest {
  @TempDir Path home;

  @Test
  void the_key_is_created_on_first_use_with_owner_only_permissions() throws Exception {
    KeyPair created = AgentKeys.loadOrCreate(home);

    Path privateFile = home.resolve("agent/ed25519.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(privateFile)).contains("PRIVATE KEY");
    assertThat(SigningKeys.keyId(created.getPublic())).hasSize(16);
  }

  @Test
  void later_uses_read_the_same_key() {
    KeyPair first = AgentKeys.loadOrCreate(home);
    KeyPair second = AgentKeys.loadOrCreate(home);

    assertThat(second.getPublic()).isEqualTo(first.getPublic());
    assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
    assertThat(AgentKeys.find(home)).isPresent();
  }

  @Test
  void a_key_readable_by_others_is_refused() throws Exception {
    AgentKeys.loadOrCreate(home);
    Files.setPosixFilePermissions(
        home.resolve("agent/ed25519.key"), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> AgentKeys.loadOrCreate(home))
        .hasMessageContaining("readable by others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void find_is_empty_before_the_first_key() {
    assertThat(AgentKeys.find(home)).isEmpty();
  }
}
