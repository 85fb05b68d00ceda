package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * DORA's figures of one service in one environment over a report's window. A figure without data is
 * absent, never 0; durations are in seconds.
 *
 * @param deployments rollouts whose revision took all traffic in the window
 * @param finished rollouts that ended in the window, whatever their outcome
 * @param failures those that failed or were rolled back
 * @param changeFailureRate {@code failures / finished}, 0–1
 * @param restorations failures that a later successful rollout restored in the window
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ServiceDelivery(
    String environment,
    String service,
    int deployments,
    double deploymentsPerDay,
    Optional<Double> leadTimeMedianSeconds,
    Optional<Double> leadTimeP90Seconds,
    int finished,
    int failures,
    Optional<Double> changeFailureRate,
    int restorations,
    Optional<Double> timeToRestoreMedianSeconds) {}
