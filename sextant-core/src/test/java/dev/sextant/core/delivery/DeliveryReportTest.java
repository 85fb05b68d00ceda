package dev.sextant.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.core.rollout.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-made rollouts over a ten-day window, with the figures worked out by hand. */
class DeliveryReportTest {
  private static final DeliveryWindow WINDOW =
      new DeliveryWindow(at("2026-11-01T00:00"), at("2026-11-11T00:00"));

  private static final List<FinishedRollout> PROD_PAYMENTS =
      List.of(
          succeeded("ro-1", "prod", "payments", "2026-11-02T10:00", "2026-11-02T08:00"),
          failed("ro-2", "prod", "payments", "2026-11-03T12:00"),
          aborted("ro-3", "prod", "payments", "2026-11-03T13:00"),
          failed("ro-4", "prod", "payments", "2026-11-03T14:00"),
          succeeded("ro-5", "prod", "payments", "2026-11-03T18:00", "2026-11-03T12:00"),
          FinishedRollout.dated(
              "ro-6",
              "payments",
              "prod",
              Phase.ROLLED_BACK,
              at("2026-11-05T11:00"),
              Optional.of(at("2026-11-05T10:00")),
              Optional.of(at("2026-11-05T09:00"))),
          succeeded("ro-7", "prod", "payments", "2026-11-05T12:00", "2026-11-04T12:00"));

  @Test
  void the_four_figures_of_a_service_match_the_hand_worked_answers() {
    DeliveryFigures prod = DeliveryReport.figures(PROD_PAYMENTS, WINDOW).get(0);

    // Deployed: ro-1, ro-5, ro-6 (it succeeded before it was undone) and ro-7, over ten days.
    assertThat(prod.deployments()).isEqualTo(4);
    assertThat(prod.deploymentsPerDay()).isCloseTo(0.4, within(1e-12));
    // Lead times 2h, 6h, 1h, 24h: the median is between 2h and 6h; p90 at rank 2.7 of 0..3.
    assertThat(prod.leadTimeMedian()).contains(Duration.ofHours(4));
    assertThat(prod.leadTimeP90()).contains(Duration.ofHours(18).plusMinutes(36));
    // ro-2, ro-4 failed and ro-6 was rolled back, of seven; the abort is no change failure.
    assertThat(prod.finished()).isEqualTo(7);
    assertThat(prod.failures()).isEqualTo(3);
    assertThat(prod.changeFailureRate().getAsDouble()).isCloseTo(3.0 / 7, within(1e-12));
    // ro-2 and ro-4 are one outage, from 12:00 to ro-5 at 18:00; ro-6 undone at 11:00, ro-7 12:00.
    assertThat(prod.restorations()).isEqualTo(2);
    assertThat(prod.timeToRestoreMedian()).contains(Duration.ofMinutes(210));
  }

  @Test
  void an_outage_that_began_before_the_window_counts_when_it_is_restored_in_it() {
    List<FinishedRollout> staging =
        List.of(
            failed("ro-8", "staging", "payments", "2026-10-31T06:00"),
            new FinishedRollout(
                "ro-9",
                "payments",
                "staging",
                Phase.SUCCEEDED,
                at("2026-11-01T06:00"),
                Optional.of(at("2026-11-01T06:00")),
                Optional.empty()));

    DeliveryFigures figures = DeliveryReport.figures(staging, WINDOW).get(0);

    assertThat(figures.timeToRestoreMedian()).contains(Duration.ofHours(24));
    assertThat(figures.finished()).isEqualTo(1);
    assertThat(figures.changeFailureRate().getAsDouble()).isZero();
    assertThat(figures.leadTimeMedian()).as("no release creation time known").isEmpty();
  }

  @Test
  void a_figure_without_data_is_absent_not_zero() {
    DeliveryFigures figures =
        DeliveryReport.figures(List.of(failed("ro-10", "dev", "api", "2026-11-04T00:00")), WINDOW)
            .get(0);

    assertThat(figures.deployments()).isZero();
    assertThat(figures.deploymentsPerDay()).isZero();
    assertThat(figures.leadTimeMedian()).isEmpty();
    assertThat(figures.leadTimeP90()).isEmpty();
    assertThat(figures.changeFailureRate().getAsDouble()).isEqualTo(1.0);
    assertThat(figures.restorations()).isZero();
    assertThat(figures.timeToRestoreMedian()).isEmpty();
  }

  @Test
  void an_empty_window_has_no_figures_at_all() {
    assertThat(DeliveryReport.figures(List.of(), WINDOW)).isEmpty();
    List<FinishedRollout> outside =
        List.of(
            succeeded("ro-11", "prod", "old", "2026-10-01T00:00", "2026-09-30T00:00"),
            succeeded("ro-12", "prod", "old", "2026-11-12T00:00", "2026-11-11T00:00"));
    assertThat(DeliveryReport.figures(outside, WINDOW)).isEmpty();
  }

  @Test
  void figures_come_per_environment_and_service_sorted() {
    List<FinishedRollout> mixed =
        List.of(
            succeeded("ro-13", "prod", "web", "2026-11-02T00:00", "2026-11-01T00:00"),
            succeeded("ro-14", "dev", "web", "2026-11-02T00:00", "2026-11-01T00:00"),
            succeeded("ro-15", "prod", "api", "2026-11-02T00:00", "2026-11-01T00:00"));

    assertThat(DeliveryReport.figures(mixed, WINDOW))
        .extracting(f -> f.environment() + "/" + f.service())
        .containsExactly("dev/web", "prod/api", "prod/web");
  }

  @Test
  void a_rolled_back_rollout_was_deployed_when_it_succeeded_before_its_undo() {
    FinishedRollout undone = PROD_PAYMENTS.get(5);

    assertThat(undone.deployed()).contains(at("2026-11-05T10:00"));
    assertThat(undone.finished()).isEqualTo(at("2026-11-05T11:00"));
    assertThat(undone.changeFailure()).isTrue();
  }

  @Test
  void a_running_rollout_is_not_a_finished_one() {
    assertThatThrownBy(
            () ->
                FinishedRollout.dated(
                    "ro-16",
                    "api",
                    "dev",
                    Phase.PAUSED,
                    at("2026-11-02T00:00"),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rollout ro-16 is paused, not finished");
  }

  @Test
  void a_window_length_is_days_or_a_go_duration_and_a_bad_one_says_what_is_expected() {
    assertThat(DeliveryWindow.length("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(DeliveryWindow.length("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(DeliveryWindow.length("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> DeliveryWindow.length("30 days"))
        .hasMessage("window '30 days' is not a length of time (expected e.g. 30d, 7d or 12h)");
    assertThatThrownBy(() -> DeliveryWindow.length("0d")).hasMessageContaining("longer than 0");
    assertThatThrownBy(() -> DeliveryWindow.length("99999d")).hasMessageContaining("at most 3660d");
  }

  private static FinishedRollout succeeded(
      String id, String environment, String service, String when, String created) {
    return FinishedRollout.dated(
        id,
        service,
        environment,
        Phase.SUCCEEDED,
        at(when),
        Optional.empty(),
        Optional.of(at(created)));
  }

  private static FinishedRollout failed(
      String id, String environment, String service, String when) {
    return FinishedRollout.dated(
        id, service, environment, Phase.FAILED, at(when), Optional.empty(), Optional.empty());
  }

  private static FinishedRollout aborted(
      String id, String environment, String service, String when) {
    return FinishedRollout.dated(
        id, service, environment, Phase.ABORTED, at(when), Optional.empty(), Optional.empty());
  }

  private static Instant at(String minute) {
    return Instant.parse(minute + ":00Z");
  }
}
