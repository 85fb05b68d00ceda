package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sextant.core.analysis.Measurement;
import dev.sextant.core.analysis.judge.JudgeResult;
import dev.sextant.core.analysis.judge.MetricResult;
import dev.sextant.server.analysis.MetricJudged;
import dev.sextant.server.rollout.analysis.MeasurementLog;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.RolloutJudged;
import dev.sextant.server.store.RolloutMeasured;
import dev.sextant.server.store.StoredJudgement;
import dev.sextant.server.store.StoredMeasurement;
import dev.sextant.server.store.StoredRollout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stores each measurement and each judge's result with its rollout, with a {@code rollout.measured}
 * or {@code rollout.judged} event beside it, and tells the server's metrics once stored.
 */
public final class MeasurementRecorder implements MeasurementLog {
  private final Database database;
  private final RolloutWatchers watchers;
  private final AnalysisMetrics metrics;

  public MeasurementRecorder(Database database, RolloutWatchers watchers, AnalysisMetrics metrics) {
    this.database = database;
    this.watchers = watchers;
    this.metrics = metrics;
  }

  @Override
  public void taken(String rollout, String analysis, List<MetricJudged> judged) {
    List<StoredMeasurement> stored = judged.stream().map(one -> stored(analysis, one)).toList();
    StoredRollout of =
        database.write(
            "store the measurements of rollout " + rollout,
            tx -> {
              for (StoredMeasurement measurement : stored) {
                tx.deployments().measured(rollout, measurement);
                tx.events().append(new RolloutMeasured(rollout, measurement));
              }
              return tx.rollouts().find(rollout).orElseThrow();
            });
    watchers.changed(rollout);
    AnalysisMetrics.Labels labels = labels(of, analysis);
    for (StoredMeasurement m : stored) {
      metrics.measured(labels, m.metric(), m.track(), m.verdict(), m.value().orElse(Double.NaN));
    }
  }

  @Override
  public void judged(String rollout, String analysis, Instant at, JudgeResult result) {
    ArrayNode detail = JudgementJson.metrics(result);
    StoredJudgement judgement =
        new StoredJudgement(
            analysis,
            at,
            result.score(),
            result.verdict().name().toLowerCase(Locale.ROOT),
            result.summary(),
            detail.toString());
    StoredRollout of =
        database.write(
            "store the judgement of rollout " + rollout,
            tx -> {
              tx.deployments().judged(rollout, judgement);
              tx.events().append(new RolloutJudged(rollout, judgement));
              return tx.rollouts().find(rollout).orElseThrow();
            });
    watchers.changed(rollout);
    Map<String, String> classes = new LinkedHashMap<>();
    for (MetricResult metric : result.metrics()) {
      classes.put(metric.metric(), metric.classification().name().toLowerCase(Locale.ROOT));
    }
    metrics.judged(labels(of, analysis), result.score(), judgement.verdict(), classes);
  }

  private static AnalysisMetrics.Labels labels(StoredRollout rollout, String analysis) {
    return new AnalysisMetrics.Labels(
        rollout.id(), rollout.environment(), rollout.service(), analysis);
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
        one.track(),
        measurement.at(),
        value.filter(d -> !d.isNaN() && !d.isInfinite()),
        one.judged().phase().name().toLowerCase(Locale.ROOT),
        message.isEmpty() ? Optional.empty() : Optional.of(message));
  }
}
