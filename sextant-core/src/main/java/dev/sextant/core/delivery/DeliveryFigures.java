package dev.sextant.core.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * DORA's four figures for one service in one environment over a window. A figure without data is
 * absent, never 0: no change failure rate without a finished rollout, no lead time without a
 * deployment of a known release, no time to restore without a restoration.
 *
 * @param deployments rollouts whose revision took all traffic in the window
 * @param deploymentsPerDay {@code deployments} over the window's days
 * @param finished rollouts that ended in the window, whatever their outcome
 * @param failures those of them that failed or were rolled back
 * @param changeFailureRate {@code failures / finished}
 * @param restorations failures that a later successful rollout restored within the window
 * @param timeToRestoreMedian from the first failure to the successful rollout after it
 */
public record DeliveryFigures(
    String environment,
    String service,
    int deployments,
    double deploymentsPerDay,
    Optional<Duration> leadTimeMedian,
    Optional<Duration> leadTimeP90,
    int finished,
    int failures,
    OptionalDouble changeFailureRate,
    int restorations,
    Optional<Duration> timeToRestoreMedian) {
  public DeliveryFigures {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(leadTimeMedian, "leadTimeMedian");
    Objects.requireNonNull(leadTimeP90, "leadTimeP90");
    Objects.requireNonNull(changeFailureRate, "changeFailureRate");
    Objects.requireNonNull(timeToRestoreMedian, "timeToRestoreMedian");
  }
}
