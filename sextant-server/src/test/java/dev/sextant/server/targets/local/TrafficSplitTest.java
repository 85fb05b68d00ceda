package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrafficSplitTest {

  @Test
  void no_canary_share_gives_the_canary_weight_zero() {
    TrafficSplit split = TrafficSplit.of(0, 3, 2);

    assertThat(split.weightOf(Track.CANARY)).isZero();
    assertThat(split.weightOf(Track.STABLE)).isEqualTo(256);
    assertThat(split.canaryShare()).isZero();
  }

  @Test
  void a_full_canary_share_gives_stable_weight_zero() {
    TrafficSplit split = TrafficSplit.of(100, 3, 2);

    assertThat(split.weightOf(Track.STABLE)).isZero();
    assertThat(split.weightOf(Track.CANARY)).isEqualTo(256);
    assertThat(split.canaryShare()).isEqualTo(1.0);
  }

  @Test
  void a_quarter_to_one_canary_beside_one_stable_is_exact_with_the_largest_weights() {
    TrafficSplit split = TrafficSplit.of(25, 1, 1);

    assertThat(split.canaryShare()).isEqualTo(0.25);
    // 64/192 and 1/3 are both exact; the larger pair leaves room for later steps
    assertThat(split.weightOf(Track.CANARY)).isEqualTo(85);
    assertThat(split.weightOf(Track.STABLE)).isEqualTo(255);
  }

  @Test
  void the_share_counts_instances_on_each_track() {
    // one canary among four stable instances: 10% means each canary weighs 4/9 of a stable one
    TrafficSplit split = TrafficSplit.of(10, 4, 1);

    assertThat(split.canaryShare()).isEqualTo(0.10);
    assertThat(9 * split.canaryWeight()).isEqualTo(4 * split.stableWeight());
  }

  @Test
  void every_whole_percentage_is_reached_within_a_fifth_of_a_percent_when_reachable() {
    for (int stable = 1; stable <= 5; stable++) {
      for (int canary = 1; canary <= 5; canary++) {
        // equal weights per track: the canary's share is at least c/(c + 256·s), and alike for
        // stable
        double least = canary / (canary + 256.0 * stable);
        double most = 1 - stable / (stable + 256.0 * canary);
        for (int p = 0; p <= 100; p++) {
          double asked = p / 100.0;
          double reachable = p == 0 || p == 100 ? asked : Math.max(least, Math.min(most, asked));
          assertThat(TrafficSplit.of(p, stable, canary).canaryShare())
              .as("%d%% over %d stable and %d canary", p, stable, canary)
              .isCloseTo(reachable, within(0.002));
        }
      }
    }
  }

  @Test
  void no_pair_of_weights_comes_closer_than_the_chosen_one() {
    int[][] cases = {{4095, 1, 1}, {1, 4, 1}, {3, 7, 33}, {2, 3, 67}, {1, 1, 99}};
    for (int[] c : cases) {
      int stable = c[0];
      int canary = c[1];
      int percent = c[2];
      TrafficSplit split = TrafficSplit.of(percent, stable, canary);
      double chosen = Math.abs(split.canaryShare() - percent / 100.0);
      for (int wc = 1; wc <= 256; wc++) {
        for (int ws = 1; ws <= 256; ws++) {
          double share = canary * (double) wc / (canary * (double) wc + stable * (double) ws);
          assertThat(chosen)
              .as("%d%% over %d stable and %d canary: %d/%d", percent, stable, canary, ws, wc)
              .isLessThanOrEqualTo(Math.abs(share - percent / 100.0) + 1e-12);
        }
      }
    }
  }

  @Test
  void a_share_below_what_equal_weights_reach_is_the_smallest_reachable() {
    // four canary instances of weight 1 at least, beside one stable of weight 256 at most
    TrafficSplit split = TrafficSplit.of(1, 1, 4);

    assertThat(split.canaryWeight()).isEqualTo(1);
    assertThat(split.stableWeight()).isEqualTo(256);
    assertThat(split.canaryShare()).isEqualTo(4 / 260.0);
  }

  @Test
  void a_baseline_as_large_as_the_canary_gets_the_canary_s_share_from_stable() {
    for (int percent = 1; percent <= 50; percent++) {
      TrafficSplit split = TrafficSplit.of(percent, 3, 2, 2);

      assertThat(split.weightOf(Track.BASELINE)).isEqualTo(split.weightOf(Track.CANARY));
      assertThat(split.shareOf(Track.BASELINE)).isEqualTo(split.canaryShare());
      assertThat(split.canaryShare()).isCloseTo(percent / 100.0, within(0.002));
      assertThat(split.shareOf(Track.STABLE)).isCloseTo(1 - 2 * percent / 100.0, within(0.004));
    }
  }

  @Test
  void a_baseline_gets_nothing_beside_a_canary_past_half_or_of_another_size() {
    TrafficSplit pastHalf = TrafficSplit.of(60, 1, 1, 1);
    TrafficSplit unequal = TrafficSplit.of(20, 2, 2, 1);

    assertThat(pastHalf.weightOf(Track.BASELINE)).isZero();
    assertThat(pastHalf.canaryShare()).isCloseTo(0.6, within(0.002));
    assertThat(unequal.weightOf(Track.BASELINE)).isZero();
    assertThat(unequal.canaryShare()).isCloseTo(0.2, within(0.002));
    assertThat(TrafficSplit.of(0, 1, 1, 1).shareOf(Track.BASELINE)).isZero();
  }

  @Test
  void traffic_for_a_track_without_ready_instances_is_refused() {
    assertThatThrownBy(() -> TrafficSplit.of(25, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the canary was asked for 25% but has no ready instance");
    assertThatThrownBy(() -> TrafficSplit.of(60, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stable was asked for 40% but has no ready instance");
    assertThat(TrafficSplit.of(0, 2, 0).canaryShare()).isZero();
    assertThat(TrafficSplit.of(100, 0, 1).canaryShare()).isEqualTo(1.0);
  }

  @Test
  void percentages_outside_zero_to_a_hundred_are_refused() {
    assertThatThrownBy(() -> TrafficSplit.of(-1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrafficSplit.of(101, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
