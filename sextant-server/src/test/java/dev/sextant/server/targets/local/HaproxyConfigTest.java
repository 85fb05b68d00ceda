package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {
  private static final Path SOCKET = Path.of("/tmp/sx-web.sock");
  private static final Path PID = Path.of("/tmp/sx-web.pid");

  private static HaproxyConfig config(int slots, Optional<String> health) {
    return new HaproxyConfig("web", 18080, slots, SOCKET, PID, health);
  }

  @Test
  void the_configuration_has_an_admin_socket_a_loopback_frontend_and_fixed_disabled_slots() {
    String text = config(2, Optional.empty()).text();

    assertThat(text)
        .contains("global\n    stats socket /tmp/sx-web.sock mode 600 level admin\n")
        .contains("    pidfile /tmp/sx-web.pid\n")
        .contains("defaults\n    mode http\n")
        .contains("frontend web-in\n    bind 127.0.0.1:18080\n    default_backend web\n")
        .contains(
            "backend web\n"
                + "    balance roundrobin\n"
                + "    server stable-1 127.0.0.1:1 weight 0 disabled\n"
                + "    server stable-2 127.0.0.1:1 weight 0 disabled\n"
                + "    server canary-1 127.0.0.1:1 weight 0 disabled\n"
                + "    server canary-2 127.0.0.1:1 weight 0 disabled\n"
                + "    server baseline-1 127.0.0.1:1 weight 0 disabled\n"
                + "    server baseline-2 127.0.0.1:1 weight 0 disabled\n")
        .doesNotContain("daemon")
        .doesNotContain("static-rr")
        .doesNotContain("httpchk");
  }

  @Test
  void every_timeout_in_defaults_is_set_so_haproxy_starts_without_warnings() {
    assertThat(config(1, Optional.empty()).text())
        .contains(
            "    timeout connect 5s\n", "    timeout client 30s\n", "    timeout server 30s\n");
  }

  @Test
  void a_health_check_path_turns_on_http_checks_for_every_slot() {
    String text = config(1, Optional.of("/healthz")).text();

    assertThat(text)
        .contains("    balance roundrobin\n    option httpchk GET /healthz\n")
        .contains("    server stable-1 127.0.0.1:1 weight 0 disabled check inter 2s\n")
        .contains("    server canary-1 127.0.0.1:1 weight 0 disabled check inter 2s\n");
  }

  @Test
  void slots_list_stable_then_canary_then_baseline_with_names_as_in_the_backend() {
    assertThat(config(2, Optional.empty()).slots())
        .extracting(Slot::serverName)
        .containsExactly(
            "stable-1", "stable-2", "canary-1", "canary-2", "baseline-1", "baseline-2");
    assertThat(config(2, Optional.empty()).backend()).isEqualTo("web");
  }

  @Test
  void haproxy_s_exporter_gets_a_frontend_of_its_own_when_asked() {
    HaproxyConfig config =
        new HaproxyConfig("web", 18080, 1, SOCKET, PID, Optional.empty(), OptionalInt.of(18081));

    assertThat(config.text())
        .contains(
            "frontend web-metrics\n"
                + "    bind 127.0.0.1:18081\n"
                + "    http-request use-service prometheus-exporter if { path /metrics }\n");
    assertThat(config(1, Optional.empty()).text()).doesNotContain("prometheus-exporter");
    assertThatThrownBy(
            () ->
                new HaproxyConfig(
                    "web", 18080, 1, SOCKET, PID, Optional.empty(), OptionalInt.of(18080)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metrics");
  }

  @Test
  void a_socket_path_longer_than_a_unix_socket_holds_is_refused() {
    Path longPath = Path.of("/tmp/" + "s".repeat(100) + ".sock");

    assertThatThrownBy(() -> new HaproxyConfig("web", 18080, 1, longPath, PID, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 107 bytes");
  }

  @Test
  void names_ports_slots_and_paths_that_would_break_the_file_are_refused() {
    List<Runnable> bad =
        List.of(
            () -> new HaproxyConfig("Web", 18080, 1, SOCKET, PID, Optional.empty()),
            () -> new HaproxyConfig("web app", 18080, 1, SOCKET, PID, Optional.empty()),
            () -> new HaproxyConfig("web", 0, 1, SOCKET, PID, Optional.empty()),
            () -> new HaproxyConfig("web", 65536, 1, SOCKET, PID, Optional.empty()),
            () -> new HaproxyConfig("web", 18080, 0, SOCKET, PID, Optional.empty()),
            () -> new HaproxyConfig("web", 18080, 2048, SOCKET, PID, Optional.empty()),
            () ->
                new HaproxyConfig("web", 18080, 1, Path.of("/tmp/a b.sock"), PID, Optional.empty()),
            () ->
                new HaproxyConfig("web", 18080, 1, SOCKET, Path.of("/tmp/#.pid"), Optional.empty()),
            () -> new HaproxyConfig("web", 18080, 1, SOCKET, PID, Optional.of("healthz")),
            () -> new HaproxyConfig("web", 18080, 1, SOCKET, PID, Optional.of("/a b")));

    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
