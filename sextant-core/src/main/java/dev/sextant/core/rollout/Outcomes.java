package dev.sextant.core.rollout;

import dev.sextant.core.resource.spec.Abort;
import dev.sextant.core.rollout.RolloutCommand.Track;
import java.time.Instant;
import java.util.Optional;

/** The ways a rollout ends or stops: promotion, rollback, and failure as the strategy asks. */
final class Outcomes {
  private Outcomes() {}

  static Draft promote(Draft d, String reason) {
    stopAnalyses(d);
    d.emit(k -> new RolloutCommand.SetCanaryWeight(k, 100));
    d.emit(RolloutCommand.PromoteCanary::new);
    d.emit(k -> new RolloutCommand.RecordOutcome(k, Phase.SUCCEEDED, reason));
    d.weight = 100;
    return d.end(Phase.SUCCEEDED, reason);
  }

  /** Traffic leaves the canary before anything else happens, then the stable fleet is whole. */
  static Draft rollback(Draft d, Phase terminal, String reason) {
    d.emit(k -> new RolloutCommand.SetCanaryWeight(k, 0));
    stopAnalyses(d);
    d.emit(k -> new RolloutCommand.ScaleInstances(k, Track.CANARY, 0));
    d.emit(k -> new RolloutCommand.ScaleInstances(k, Track.STABLE, d.plan().instances()));
    d.emit(k -> new RolloutCommand.RecordOutcome(k, terminal, reason));
    d.weight = 0;
    return d.end(terminal, reason);
  }

  /**
   * A failed step, verdict or instance: rolled back, or under {@code onFailure: pause} held with
   * the canary out of traffic and its instances kept for a person to look at. The hold keeps a
   * deadline, so a rollout nobody attends to still ends.
   */
  static Draft fail(Draft d, Instant at, String reason) {
    if (d.plan().onFailure() == Abort.OnFailure.ROLLBACK) {
      return rollback(d, Phase.FAILED, reason);
    }
    d.emit(k -> new RolloutCommand.SetCanaryWeight(k, 0));
    stopAnalyses(d);
    d.weight = 0;
    d.deadline = Optional.of(d.deadline.orElse(at.plus(d.plan().progressDeadline())));
    return d.pause(Hold.FAILURE, reason);
  }

  /** Stops the step's analysis if it runs now, and the background analysis. */
  static void stopAnalyses(Draft d) {
    if (d.phase == Phase.ANALYZING) {
      int step = d.step;
      d.emit(k -> new RolloutCommand.StopAnalysis(k, Progress.stepAnalysis(step)));
    }
    if (d.backgroundAnalysis) {
      d.emit(k -> new RolloutCommand.StopAnalysis(k, Progress.BACKGROUND));
      d.backgroundAnalysis = false;
    }
  }
}
