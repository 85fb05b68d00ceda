package dev.sextant.server.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkSettingsTest {
  @Test
  void by_default_a_dead_node_is_found_within_seconds_not_half_an_hour() {
    WorkSettings settings = WorkSettings.defaults("server-1");

    assertThat(settings.pollingInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.deadAfter()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void a_node_name_longer_than_db_scheduler_keeps_is_refused() {
    assertThatThrownBy(() -> WorkSettings.defaults("n".repeat(51)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a node name must be 1 to 50 characters");
  }

  @Test
  void fewer_missed_heartbeats_than_db_scheduler_allows_are_refused() {
    assertThatThrownBy(
            () ->
                new WorkSettings(
                    "server-1",
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    3,
                    4,
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missedHeartbeatsLimit must be at least 4: 3");
  }

  @Test
  void a_heartbeat_interval_of_zero_is_refused() {
    assertThatThrownBy(
            () ->
                new WorkSettings(
                    "server-1", Duration.ofSeconds(1), Duration.ZERO, 4, 4, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("heartbeatInterval must be positive: PT0S");
  }
}
