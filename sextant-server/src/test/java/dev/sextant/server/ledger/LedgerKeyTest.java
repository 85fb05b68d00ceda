package dev.sextant.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerKeyTest {
  @TempDir Path directory;

  @Test
  void the_key_is_made_once_readable_by_its_owner_only_and_kept() throws Exception {
    Path file = directory.resolve("keys").resolve(LedgerKey.FILE_NAME);

    LedgerKey made = LedgerKey.loadOrCreate(file, new SecureRandom());
    LedgerKey read = LedgerKey.loadOrCreate(file, new SecureRandom());

    assertThat(read.id()).isEqualTo(made.id()).matches("[0-9a-f]{64}");
    assertThat(read.publicKey()).isEqualTo(made.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(made.toString()).isEqualTo("LedgerKey[" + made.id() + "]");
    assertThat(Files.readString(file.resolveSibling(LedgerKey.FILE_NAME + ".pub")))
        .startsWith("-----BEGIN PUBLIC KEY-----");
    try (var left = Files.list(file.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(LedgerKey.FILE_NAME, LedgerKey.FILE_NAME + ".pub");
    }
  }

  @Test
  void a_file_that_holds_no_key_is_refused_without_quoting_it() throws Exception {
    Path file = directory.resolve(LedgerKey.FILE_NAME);
    Files.writeString(file, "secret-looking text");

    assertThatThrownBy(() -> LedgerKey.loadOrCreate(file, new SecureRandom()))
        .isInstanceOf(LedgerKeyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not an Ed25519 key pair")
        .hasMessageNotContaining("secret-looking");
  }
}
