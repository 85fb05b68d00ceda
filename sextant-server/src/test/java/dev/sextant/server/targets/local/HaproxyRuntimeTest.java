package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HaproxyRuntimeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  // `show servers state web` from HAProxy 2.6.12: stable-1 as configured (disabled), canary-1
  // bound to port 9002, drained, weight 26
  private static final String SERVERS_STATE =
      "1\n"
          + "# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight"
          + " srv_iweight srv_time_since_last_change srv_check_status srv_check_result"
          + " srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id"
          + " srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr"
          + " srv_agent_port\n"
          + "3 web 1 stable-1 127.0.0.1 0 5 0 0 2 1 0 0 8 0 0 0 - 1 - 0 0 - - 0\n"
          + "3 web 2 canary-1 127.0.0.1 2 12 26 0 0 1 0 0 8 0 0 0 - 9002 - 0 0 - - 0\n\n";

  @Test
  void each_command_is_one_line_on_its_own_connection() throws Exception {
    try (FakeAdminSocket haproxy = FakeAdminSocket.accepting()) {
      HaproxyRuntime runtime = new HaproxyRuntime(haproxy.path(), TIMEOUT);

      runtime.setServerAddress("web", "canary-1", "127.0.0.1", 9002);
      runtime.setWeight("web", "canary-1", 26);
      runtime.setState("web", "canary-1", ServerAdminState.DRAIN);

      assertThat(haproxy.commands())
          .containsExactly(
              "set server web/canary-1 addr 127.0.0.1 port 9002",
              "set weight web/canary-1 26",
              "set server web/canary-1 state drain");
    }
  }

  @Test
  void the_servers_state_is_read_by_column_name() throws Exception {
    try (FakeAdminSocket haproxy = new FakeAdminSocket(c -> SERVERS_STATE)) {
      var servers = new HaproxyRuntime(haproxy.path(), TIMEOUT).showServers("web");

      assertThat(servers)
          .containsExactly(
              new ServerState("web", "stable-1", "127.0.0.1", 1, 0, 5, 0),
              new ServerState("web", "canary-1", "127.0.0.1", 9002, 2, 12, 26));
      assertThat(servers.get(0).inMaintenance()).isTrue();
      assertThat(servers.get(0).draining()).isFalse();
      assertThat(servers.get(1).inMaintenance()).isFalse();
      assertThat(servers.get(1).draining()).isTrue();
      assertThat(servers.get(1).running()).isTrue();
      assertThat(haproxy.commands()).containsExactly("show servers state web");
    }
  }

  @Test
  void any_answer_but_an_empty_one_is_a_refusal_in_haproxys_words() throws Exception {
    try (FakeAdminSocket haproxy = new FakeAdminSocket(c -> "No such server.\n\n")) {
      HaproxyRuntime runtime = new HaproxyRuntime(haproxy.path(), TIMEOUT);

      assertThatThrownBy(() -> runtime.setWeight("web", "canary-7", 10))
          .isInstanceOf(HaproxyException.class)
          .hasMessage("HAProxy refused 'set weight web/canary-7 10': No such server.")
          .extracting(e -> ((HaproxyException) e).command())
          .isEqualTo("set weight web/canary-7 10");
      assertThatThrownBy(() -> runtime.setServerAddress("web", "canary-7", "127.0.0.1", 9))
          .hasMessageContaining("No such server.");
      assertThatThrownBy(() -> runtime.showServers("web")).hasMessageContaining("No such server.");
    }
  }

  @Test
  void a_socket_that_does_not_finish_answering_times_out() throws Exception {
    try (FakeAdminSocket haproxy = new FakeAdminSocket(c -> null)) {
      HaproxyRuntime runtime = new HaproxyRuntime(haproxy.path(), Duration.ofMillis(200));

      assertThatThrownBy(() -> runtime.setWeight("web", "canary-1", 10))
          .isInstanceOf(HaproxyException.class)
          .hasMessageContaining("did not finish answering within PT0.2S");
    }
  }

  @Test
  void a_missing_socket_says_which_one() {
    HaproxyRuntime runtime = new HaproxyRuntime(Path.of("/tmp/sx-none.sock"), TIMEOUT);

    assertThatThrownBy(() -> runtime.execute("show info"))
        .isInstanceOf(HaproxyException.class)
        .hasMessageContaining("/tmp/sx-none.sock did not answer");
  }

  @Test
  void names_that_would_smuggle_a_second_command_are_refused_before_sending() throws Exception {
    try (FakeAdminSocket haproxy = FakeAdminSocket.accepting()) {
      HaproxyRuntime runtime = new HaproxyRuntime(haproxy.path(), TIMEOUT);

      assertThatThrownBy(() -> runtime.setWeight("web", "canary-1;shutdown sessions", 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> runtime.execute("show info\nshow stat"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> runtime.setServerAddress("web", "canary-1", "example.org", 80))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(haproxy.commands()).isEmpty();
    }
  }
}
