package dev.sextant.server.deploy;

import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what a target tells a rollout (a weight in place, instances ready) to the engine on a
 * thread of its own, after the command that caused it: delivering from inside the command would
 * move the rollout before the command is marked done.
 */
public final class Confirmations implements BiConsumer<String, RolloutEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

  private final AtomicReference<RolloutEngine> engine = new AtomicReference<>();
  private final ExecutorService deliveries =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "rollout-confirmations");
            thread.setDaemon(true);
            return thread;
          });

  /** The engine confirmations go to, once it exists. */
  public void to(RolloutEngine driven) {
    engine.set(driven);
  }

  @Override
  public void accept(String rollout, RolloutEvent event) {
    deliveries.submit(
        () -> {
          try {
            engine.get().deliver(rollout, event);
          } catch (RolloutRefusal e) {
            LOG.debug(
                "rollout {}: {} no longer awaited: {}", rollout, event.verb(), e.getMessage());
          } catch (RuntimeException e) {
            LOG.warn("rollout {}: cannot deliver {}: {}", rollout, event.verb(), e.getMessage());
          }
        });
  }

  @Override
  public void close() {
    deliveries.shutdown();
    try {
      deliveries.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
