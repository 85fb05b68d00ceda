package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whichever command creates $SEXTANT_HOME's store, it is 0700 and its database file 0600. */
class DataDirectoryModesTest {
  @TempDir Path parent;

  @BeforeEach
  void posixOnly() {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews())
        .as("POSIX permissions")
        .contains("posix");
  }

  @Test
  void a_local_command_creates_the_store_private_to_its_owner() throws Exception {
    Path home = parent.resolve("home");
    Path service =
        Files.writeString(
            parent.resolve("service.yaml"),
            """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: payments-api
        spec:
          description: Authorises card payments.
          owner: team-payments
        """);

    Cli.Result applied = Cli.withHome(home).run("apply", "-f", service.toString());

    assertThat(applied.code()).as(applied.toString()).isZero();
    assertPrivate(home);
  }

  @Test
  void the_server_creates_its_store_private_to_its_owner() throws Exception {
    Path home = parent.resolve("home");

    try (ServerProcess server = ServerProcess.start(home, List.of())) {
      assertPrivate(home);
    }
  }

  private static void assertPrivate(Path home) throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("sextant.mv.db"))))
        .isEqualTo("rw-------");
  }
}
