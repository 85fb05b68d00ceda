package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceSpecTest {
  private static InstanceSpec spec(List<String> command, Map<String, String> environment) {
    return new InstanceSpec(
        command,
        environment,
        Path.of("."),
        "/healthz",
        Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  @Test
  void the_port_replaces_the_placeholder_as_a_whole_argument_or_inside_one() {
    InstanceSpec spec =
        spec(
            List.of("app", "{{port}}", "--port={{port}}", "--name=x"), Map.of("URL", ":{{port}}/"));

    assertThat(spec.command(8123)).containsExactly("app", "8123", "--port=8123", "--name=x");
    assertThat(spec.environment(8123)).containsEntry("URL", ":8123/");
  }

  @Test
  void an_unknown_placeholder_is_refused_without_quoting_the_value() {
    assertThatThrownBy(() -> spec(List.of("app", "--host={{host}}"), Map.of()))
        .hasMessageContaining("{{host}}")
        .hasMessageContaining("only {{port}}");
    assertThatThrownBy(() -> spec(List.of("app"), Map.of("TOKEN", "s3cret{{ver}}")))
        .hasMessageContaining("environment variable TOKEN")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void its_text_names_the_variables_but_never_their_values() {
    InstanceSpec spec = spec(List.of("app"), Map.of("DB_PASSWORD", "hunter2", "MODE", "fast"));

    assertThat(spec.toString()).contains("DB_PASSWORD", "MODE").doesNotContain("hunter2", "fast");
  }

  @Test
  void an_empty_command_a_relative_readiness_path_and_a_zero_timeout_are_refused() {
    assertThatThrownBy(() -> spec(List.of(), Map.of())).hasMessageContaining("command");
    assertThatThrownBy(
            () ->
                new InstanceSpec(
                    List.of("app"),
                    Map.of(),
                    Path.of("."),
                    "healthz",
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1)))
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(
            () ->
                new InstanceSpec(
                    List.of("app"),
                    Map.of(),
                    Path.of("."),
                    "/healthz",
                    Duration.ZERO,
                    Duration.ofSeconds(1)))
        .hasMessageContaining("readiness timeout");
  }

  @Test
  void back_off_doubles_from_its_start_up_to_its_maximum() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));

    assertThat(List.of(1, 2, 3, 6, 7, 100).stream().map(backoff::delay))
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(6400),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
  }

  @Test
  void a_free_loopback_port_can_be_bound() throws IOException {
    int port = Ports.freeLoopbackPort();

    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void an_instance_logs_under_its_service_as_track_and_number() {
    assertThat(new InstanceId("shop", Track.CANARY, 2).log(Path.of("/logs")))
        .isEqualTo(Path.of("/logs/shop/canary-2.log"));
    assertThatThrownBy(() -> new InstanceId("../etc", Track.STABLE, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
