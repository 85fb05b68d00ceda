package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkReachProbeTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** A port nothing listens on: bound by the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void a_listening_port_is_reachable_and_a_closed_one_is_not() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
      int closed = closedPort();
      NetworkReachProbe probe =
          new NetworkReachProbe(
              List.of(
                  new ReachCheck(
                      "registry", "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2)),
                  new ReachCheck("license-server", "127.0.0.1", closed, Duration.ofSeconds(2))));

      ProbeResult result = probe.probe(new FakeHost());

      assertThat(result.facts())
          .containsExactly(
              entry("network.reach.license-server", new Fact.Flag(false)),
              entry("network.reach.registry", new Fact.Flag(true)));
      assertThat(result.warnings()).isEmpty();
      assertThat(result.notes())
          .singleElement()
          .asString()
          .startsWith("license-server (127.0.0.1:" + closed + ") not reachable: ConnectException");
    }
  }

  @Test
  void no_checks_give_no_facts() {
    assertThat(new NetworkReachProbe(List.of()).probe(new FakeHost()).facts()).isEmpty();
  }

  @Test
  void check_names_must_make_fact_keys_and_be_unique() {
    assertThatThrownBy(() -> new ReachCheck("Has Spaces", "127.0.0.1", 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Has Spaces");
    assertThatThrownBy(() -> new ReachCheck("web", "127.0.0.1", 0))
        .hasMessageContaining("port out of range");
    ReachCheck web = new ReachCheck("web", "127.0.0.1", 80);
    assertThatThrownBy(() -> new NetworkReachProbe(List.of(web, web)))
        .hasMessageContaining("unique");
  }
}
