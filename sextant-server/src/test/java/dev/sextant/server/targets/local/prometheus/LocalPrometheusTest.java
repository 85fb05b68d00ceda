package dev.sextant.server.targets.local.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus started, stopped, and stopped again when a killed server left it running. */
@Timeout(60)
class LocalPrometheusTest {
  @TempDir Path directory;

  @Test
  void it_scrapes_every_second_from_the_target_files_in_its_directory() {
    assertThat(LocalPrometheus.config(directory.resolve("targets")))
        .contains("scrape_interval: 1s")
        .contains("evaluation_interval: 1s")
        .contains("- files: [\"" + directory.resolve("targets") + "/*.json\"]")
        .contains("refresh_interval: 1s");
  }

  @Test
  void it_is_ready_on_loopback_and_gone_once_closed() {
    LocalPrometheus prometheus = LocalPrometheus.start(PrometheusInstallation.binary(), directory);

    assertThat(prometheus.isAlive()).isTrue();
    assertThat(prometheus.address().getHost()).isEqualTo("127.0.0.1");
    assertThat(prometheus.targets().directory()).isEqualTo(directory.resolve("targets"));

    prometheus.close();
    assertThat(prometheus.isAlive()).isFalse();
  }

  @Test
  void a_prometheus_left_running_in_the_directory_is_stopped_by_the_next_start() {
    Path binary = PrometheusInstallation.binary();
    LocalPrometheus left = LocalPrometheus.start(binary, directory);
    try (LocalPrometheus next = LocalPrometheus.start(binary, directory)) {
      assertThat(left.isAlive()).isFalse();
      assertThat(next.isAlive()).isTrue();
    } finally {
      left.close();
    }
  }

  @Test
  void a_prometheus_that_exits_at_start_is_an_error_with_what_it_wrote() throws Exception {
    Path binary = directory.resolve("prometheus");
    Files.writeString(
        binary, "#!/bin/sh\necho 'error loading config: no such thing' >&2\nexit 3\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> LocalPrometheus.start(binary, directory.resolve("run")))
        .isInstanceOf(PrometheusException.class)
        .hasMessage("Prometheus exited with 3 at start: error loading config: no such thing");
  }

  @Test
  void the_binary_on_path_comes_first() throws Exception {
    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path binary = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

    assertThat(PrometheusInstallation.findBinary("/nowhere:" + bin)).contains(binary);
  }
}
