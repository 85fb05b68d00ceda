package dev.sextant.server.deploy;

import dev.sextant.core.delivery.DeliveryFigures;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What deliveries tell the server's metrics: outcomes, times, rollbacks, abort latency, DORA's
 * figures.
 */
public interface DeliveryMetrics {
  /**
   * A rollout ended.
   *
   * @param outcome its phase: succeeded, failed, aborted, rolled-back
   * @param took from its start to its end
   */
  void ended(String environment, String service, String outcome, Duration took);

  /** A failure or abort was decided, and {@code latency} later the canary had no traffic. */
  void canaryCut(String environment, String service, Duration latency);

  /** How many rollouts are paused now, read when the metrics are. */
  void paused(Supplier<Number> count);

  /** DORA's figures of every service in every environment, read when the metrics are. */
  void delivery(Supplier<List<DeliveryFigures>> figures);
}
