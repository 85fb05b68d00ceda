package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands the balancer sends, and their order, against a socket that records them. */
class HaproxyBalancerTest {
  private static final Slot STABLE = new Slot(Track.STABLE, 1);
  private static final Slot CANARY = new Slot(Track.CANARY, 1);

  private FakeAdminSocket haproxy;
  private HaproxyBalancer balancer;

  @BeforeEach
  void bindOneStableAndOneCanaryReady() throws Exception {
    haproxy = FakeAdminSocket.accepting();
    HaproxyConfig config =
        new HaproxyConfig(
            "web", 18080, 2, haproxy.path(), Path.of("/tmp/sx-web.pid"), Optional.empty());
    balancer =
        new HaproxyBalancer(config, new HaproxyRuntime(haproxy.path(), Duration.ofSeconds(5)));
    balancer.bind(STABLE, 9001);
    balancer.bind(CANARY, 9002);
    balancer.setState(STABLE, ServerAdminState.READY);
    balancer.setState(CANARY, ServerAdminState.READY);
  }

  @AfterEach
  void close() throws Exception {
    haproxy.close();
  }

  @Test
  void binding_takes_the_slot_out_of_traffic_before_moving_it() {
    assertThat(haproxy.commands())
        .startsWith(
            "set server web/stable-1 state maint",
            "set weight web/stable-1 0",
            "set server web/stable-1 addr 127.0.0.1 port 9001");
  }

  @Test
  void an_abort_sets_the_canary_weight_to_0_before_anything_else() {
    balancer.split(TrafficSplit.of(25, 1, 1));
    haproxy.forget();

    balancer.split(TrafficSplit.of(0, 1, 1));

    assertThat(haproxy.commands())
        .containsExactly("set weight web/canary-1 0", "set weight web/stable-1 256");
  }

  @Test
  void an_abort_from_a_full_canary_still_zeroes_the_canary_first() {
    balancer.split(TrafficSplit.of(100, 1, 1));
    haproxy.forget();

    balancer.split(TrafficSplit.of(0, 1, 1));

    assertThat(haproxy.commands())
        .containsExactly("set weight web/canary-1 0", "set weight web/stable-1 256");
  }

  @Test
  void when_both_weights_fall_the_canarys_falls_first() {
    balancer.split(TrafficSplit.of(50, 1, 1));
    haproxy.forget();

    balancer.split(TrafficSplit.of(25, 1, 1));

    assertThat(haproxy.commands())
        .containsExactly("set weight web/canary-1 85", "set weight web/stable-1 255");
  }

  @Test
  void a_drained_slot_keeps_its_weight_and_gets_0_at_the_next_split() {
    balancer.split(TrafficSplit.of(25, 1, 1));
    balancer.setState(CANARY, ServerAdminState.DRAIN);

    assertThat(balancer.desired().get(CANARY))
        .isEqualTo(new SlotBinding(9002, ServerAdminState.DRAIN, 85));

    balancer.split(TrafficSplit.of(0, 1, 0));
    assertThat(balancer.desired().get(CANARY).weight()).isZero();
  }

  @Test
  void reasserting_sends_address_then_weight_then_state_for_every_bound_slot() {
    balancer.split(TrafficSplit.of(25, 1, 1));
    haproxy.forget();

    balancer.reassert();

    assertThat(haproxy.commands())
        .containsExactly(
            "set server web/stable-1 addr 127.0.0.1 port 9001",
            "set weight web/stable-1 255",
            "set server web/stable-1 state ready",
            "set server web/canary-1 addr 127.0.0.1 port 9002",
            "set weight web/canary-1 85",
            "set server web/canary-1 state ready");
  }

  @Test
  void a_split_counting_other_ready_instances_than_are_bound_is_refused_before_sending() {
    haproxy.forget();

    assertThatThrownBy(() -> balancer.split(TrafficSplit.of(25, 2, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the split counts 2 stable instances ready, but 1 ready slots are bound");
    assertThat(haproxy.commands()).isEmpty();
  }

  @Test
  void slots_that_are_unbound_or_not_declared_are_refused() {
    assertThatThrownBy(() -> balancer.setState(new Slot(Track.CANARY, 2), ServerAdminState.READY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("canary-2 is not bound to a process");
    assertThatThrownBy(() -> balancer.bind(new Slot(Track.CANARY, 3), 9003))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("web has 2 slots per track, not canary-3");
  }
}
