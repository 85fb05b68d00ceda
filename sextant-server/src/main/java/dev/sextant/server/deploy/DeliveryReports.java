package dev.sextant.server.deploy;

import dev.sextant.core.delivery.DeliveryFigures;
import dev.sextant.core.delivery.DeliveryReport;
import dev.sextant.core.delivery.DeliveryWindow;
import dev.sextant.core.delivery.FinishedRollout;
import dev.sextant.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** DORA's delivery figures over the stored rollouts, for the report route and for the metrics. */
public final class DeliveryReports {
  private final Database database;
  private final Clock clock;

  public DeliveryReports(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The window of {@code length} that ends now. */
  public DeliveryWindow last(Duration length) {
    return DeliveryWindow.last(length, clock.instant());
  }

  /** The figures of each service in each environment, of one of either when given. */
  public List<DeliveryFigures> figures(
      Optional<String> environment, Optional<String> service, DeliveryWindow window) {
    // Rollouts before the window are read too: an outage that began before it may end in it.
    List<FinishedRollout> rollouts =
        database.read(
            "read finished rollouts",
            tx -> tx.rollouts().finished(service, environment, window.until()));
    return DeliveryReport.figures(rollouts, window);
  }
}
