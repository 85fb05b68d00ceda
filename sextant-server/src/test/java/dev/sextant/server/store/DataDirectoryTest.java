package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's data directory is 0700 and its files 0600, however it was found. */
class DataDirectoryTest {
  @TempDir Path parent;

  @BeforeEach
  void posixOnly() {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews())
        .as("POSIX permissions")
        .contains("posix");
  }

  @Test
  void a_new_data_directory_and_the_database_files_are_private_to_their_owner() throws IOException {
    Path home = parent.resolve("home");

    try (Database database = Database.h2(home, Clock.systemUTC())) {
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(files(home)).isNotEmpty().contains(home.resolve("sextant.mv.db"));
      for (Path file : files(home)) {
        assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void an_existing_data_directory_open_to_others_is_made_private_with_the_files_in_it()
      throws IOException {
    Path home =
        Files.createDirectory(
            parent.resolve("home"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Database.h2(home, Clock.systemUTC()).close();
    for (Path file : files(home)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxr-x"));

    try (Database database = Database.h2(home, Clock.systemUTC())) {
      assertThat(mode(home)).isEqualTo("rwx------");
      for (Path file : files(home)) {
        assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void links_and_subdirectories_in_it_are_left_as_they_are() throws IOException {
    Path home = Files.createDirectory(parent.resolve("home"));
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path elsewhere = Files.writeString(parent.resolve("shared.txt"), "not the store's");
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(home.resolve("shared.txt"), elsewhere);

    Database.h2(home, Clock.systemUTC()).close();

    assertThat(mode(plugins)).isEqualTo("rwxr-xr-x");
    assertThat(mode(elsewhere)).isEqualTo("rw-r--r--");
  }

  @Test
  void making_the_files_private_keeps_the_lock_that_keeps_other_processes_out() throws Exception {
    Path home = parent.resolve("home");

    try (Database database = Database.h2(home, Clock.systemUTC())) {
      Process probe =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LockProbe.class.getName(),
                  home.resolve("sextant.mv.db").toString())
              .inheritIO()
              .start();

      assertThat(probe.waitFor())
          .as("another process could lock the open store")
          .isEqualTo(LockProbe.HELD);
    }
  }

  private static List<Path> files(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }
}
