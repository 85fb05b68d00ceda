package dev.sextant.core.rollout;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.Abort;
import dev.sextant.core.resource.spec.AnalysisRun;
import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.resource.spec.StrategySpec;
import dev.sextant.core.schema.Examples;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Strategies for the histories: the project's examples, and small ones written here. */
final class Strategies {
  static final Abort ROLLBACK_10M = new Abort(Abort.OnFailure.ROLLBACK, Optional.empty());
  static final Abort PAUSE_10M = new Abort(Abort.OnFailure.PAUSE, Optional.empty());

  private Strategies() {}

  static StrategySpec example(String name) {
    return (StrategySpec)
        Specs.read(Kind.STRATEGY, Examples.named("strategies/" + name + ".yaml").path("spec"));
  }

  /** {@code examples/strategies/canary-standard.yaml} for four instances. */
  static RolloutPlan canaryStandard() {
    return RolloutPlan.of(example("canary-standard"), 4);
  }

  static RolloutPlan canary(Abort abort, Step... steps) {
    return RolloutPlan.of(
        new StrategySpec("", new Method.Canary(List.of(steps), Optional.empty()), abort), 4);
  }

  static RolloutPlan canaryWithBackground(int startingStep, Step... steps) {
    var background = new Method.BackgroundAnalysis(List.of("error-rate"), List.of(), startingStep);
    return RolloutPlan.of(
        new StrategySpec(
            "", new Method.Canary(List.of(steps), Optional.of(background)), ROLLBACK_10M),
        4);
  }

  static AnalysisRun run(String template) {
    return new AnalysisRun(List.of(template), List.of());
  }

  static Step.Pause pause(long minutes) {
    return new Step.Pause(Optional.of(Duration.ofMinutes(minutes)));
  }

  static Step.Pause untimedPause() {
    return new Step.Pause(Optional.empty());
  }
}
