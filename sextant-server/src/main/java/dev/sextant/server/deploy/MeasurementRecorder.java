package dev.sextant.server.deploy;

import dev.sextant.core.analysis.Measurement;
import dev.sextant.server.analysis.MetricJudged;
import dev.sextant.server.rollout.analysis.MeasurementLog;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.RolloutMeasured;
import dev.sextant.server.store.StoredMeasurement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Stores each measurement with its rollout, as a {@code rollout.measured} event beside it. */
public final class MeasurementRecorder implements MeasurementLog {
  private final Database database;
  private final RolloutWatchers watchers;

  public MeasurementRecorder(Database database, RolloutWatchers watchers) {
    this.database = database;
    this.watchers = watchers;
  }

  @Override
  public void taken(String rollout, String analysis, List<MetricJudged> judged) {
    database.write(
        "store the measurements of rollout " + rollout,
        tx -> {
          for (MetricJudged one : judged) {
            StoredMeasurement measurement = stored(analysis, one);
            tx.deployments().measured(rollout, measurement);
            tx.events().append(new RolloutMeasured(rollout, measurement));
          }
          return null;
        });
    watchers.changed(rollout);
  }

  private static StoredMeasurement stored(String analysis, MetricJudged one) {
    Measurement measurement = one.judged().measurement();
    Optional<Double> value =
        measurement instanceof Measurement.Value v && !v.result().isEmpty()
            ? Optional.of(v.result().get(0))
            : Optional.empty();
    String message = one.judged().message();
    return new StoredMeasurement(
        analysis,
        one.metric(),
        measurement.at(),
        value.filter(d -> !d.isNaN() && !d.isInfinite()),
        one.judged().phase().name().toLowerCase(Locale.ROOT),
        message.isEmpty() ? Optional.empty() : Optional.of(message));
  }
}
