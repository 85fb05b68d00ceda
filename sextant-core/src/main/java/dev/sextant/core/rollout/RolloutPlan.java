package dev.sextant.core.rollout;

import dev.sextant.core.resource.spec.Abort;
import dev.sextant.core.resource.spec.AnalysisRun;
import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.resource.spec.StrategySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy compiled into steps the machine runs one after another, whatever its method; the last
 * step is always {@link PlanStep.Promote}.
 *
 * @param instances how many instances the stable version runs, restored on rollback
 * @param background canary analysis that runs alongside the steps from its starting step on
 */
public record RolloutPlan(
    List<PlanStep> steps,
    Optional<Method.BackgroundAnalysis> background,
    Abort.OnFailure onFailure,
    Duration progressDeadline,
    int instances) {

  /** The default: no step may stall for longer unless the strategy says so. */
  public static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofMinutes(10);

  public RolloutPlan {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof PlanStep.Promote)) {
      throw new IllegalArgumentException("a rollout plan ends with promote: " + steps);
    }
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(onFailure, "onFailure");
    Objects.requireNonNull(progressDeadline, "progressDeadline");
    if (instances < 1) {
      throw new IllegalArgumentException("a rollout needs at least one instance, not " + instances);
    }
  }

  /**
   * Compiles a strategy for a service that runs {@code instances} instances of its stable version.
   */
  public static RolloutPlan of(StrategySpec strategy, int instances) {
    Method method = strategy.method();
    List<PlanStep> steps;
    Optional<Method.BackgroundAnalysis> background = Optional.empty();
    if (method instanceof Method.Canary canary) {
      steps = canary(canary);
      background = canary.analysis();
    } else if (method instanceof Method.BlueGreen blueGreen) {
      steps = blueGreen(blueGreen, instances);
    } else {
      steps = rolling((Method.Rolling) method, instances);
    }
    Abort abort = strategy.abort();
    return new RolloutPlan(
        steps,
        background,
        abort.onFailure(),
        abort.progressDeadline().orElse(DEFAULT_PROGRESS_DEADLINE),
        instances);
  }

  /** How a reason names the step, counting from 1 as people do: "step 3 (analysis error-rate)". */
  public String describe(int step) {
    return "step " + (step + 1) + " (" + steps.get(step).text() + ")";
  }

  static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  // Argo Rollouts promotes a canary whose steps run out, so a missing final promote is implied.
  private static List<PlanStep> canary(Method.Canary canary) {
    List<PlanStep> steps = new ArrayList<>();
    for (Step step : canary.steps()) {
      steps.add(fromSpec(step));
      if (step instanceof Step.Promote) {
        return steps;
      }
    }
    steps.add(new PlanStep.Promote());
    return steps;
  }

  private static PlanStep fromSpec(Step step) {
    if (step instanceof Step.SetWeight s) {
      return new PlanStep.SetWeight(s.weight());
    } else if (step instanceof Step.Pause p) {
      return new PlanStep.Pause(p.duration());
    } else if (step instanceof Step.Analysis a) {
      return new PlanStep.Analysis(a.run());
    } else if (step instanceof Step.Approval a) {
      return new PlanStep.Approval(a.approvers(), a.message());
    } else if (step instanceof Step.Verify v) {
      return new PlanStep.Verify(v.checks());
    } else if (step instanceof Step.Migrate m) {
      return new PlanStep.Migrate(m.command(), m.timeout());
    }
    return new PlanStep.Promote();
  }

  // The old (blue) instances stay through post-promotion analysis and the scale-down delay, so a
  // failure there still rolls back by weight alone; promote retires them.
  private static List<PlanStep> blueGreen(Method.BlueGreen blueGreen, int instances) {
    List<PlanStep> steps = new ArrayList<>();
    steps.add(new PlanStep.Scale(instances, instances));
    blueGreen.previewAnalysis().map(PlanStep.Analysis::new).ifPresent(steps::add);
    if (!blueGreen.autoPromotionEnabled()) {
      steps.add(new PlanStep.Pause(Optional.empty()));
    } else {
      blueGreen
          .autoPromotionDelay()
          .map(d -> new PlanStep.Pause(Optional.of(d)))
          .ifPresent(steps::add);
    }
    steps.add(new PlanStep.SetWeight(100));
    blueGreen.postPromotionAnalysis().map(PlanStep.Analysis::new).ifPresent(steps::add);
    blueGreen.scaleDownDelay().map(d -> new PlanStep.Pause(Optional.of(d))).ifPresent(steps::add);
    steps.add(new PlanStep.Promote());
    return steps;
  }

  // Analysis, when given, gates every batch; the pause separates batches.
  private static List<PlanStep> rolling(Method.Rolling rolling, int instances) {
    List<PlanStep> steps = new ArrayList<>();
    List<RollingBatches.Batch> batches =
        RollingBatches.of(instances, rolling.maxSurge(), rolling.maxUnavailable());
    for (int i = 0; i < batches.size(); i++) {
      RollingBatches.Batch batch = batches.get(i);
      steps.add(new PlanStep.Scale(batch.canary(), batch.stable()));
      Optional<AnalysisRun> analysis = rolling.analysis();
      analysis.map(PlanStep.Analysis::new).ifPresent(steps::add);
      if (i < batches.size() - 1) {
        rolling.batchPause().map(d -> new PlanStep.Pause(Optional.of(d))).ifPresent(steps::add);
      }
    }
    steps.add(new PlanStep.Promote());
    return steps;
  }
}
