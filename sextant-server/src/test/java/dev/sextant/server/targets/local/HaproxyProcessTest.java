package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyProcessTest {

  @Test
  void the_first_executable_haproxy_on_path_wins(@TempDir Path dir) throws IOException {
    Path notExecutable = Files.createDirectories(dir.resolve("a"));
    Files.writeString(notExecutable.resolve("haproxy"), "");
    Path bin = Files.createDirectories(dir.resolve("b"));
    Path haproxy = Files.writeString(bin.resolve("haproxy"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(haproxy, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(HaproxyProcess.findBinary(notExecutable + ":" + bin)).contains(haproxy);
  }

  @Test
  void without_one_on_path_it_is_debians_if_installed(@TempDir Path empty) {
    assertThat(HaproxyProcess.findBinary(empty.toString()))
        .isEqualTo(
            Files.isExecutable(Path.of("/usr/sbin/haproxy"))
                ? Optional.of(Path.of("/usr/sbin/haproxy"))
                : Optional.empty());
  }
}
