package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.minutes;

import dev.sextant.core.resource.spec.Method;
import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.resource.spec.StrategySpec;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Rollouts brought to each running phase and each kind of step, for tests that cover them all. */
final class Situations {
  private Situations() {}

  /** One rollout in each running phase. */
  static Map<Phase, Supplier<Replay>> byPhase() {
    Map<Phase, Supplier<Replay>> phases = new LinkedHashMap<>();
    phases.put(Phase.PROGRESSING, () -> started(Strategies.canaryStandard()));
    phases.put(
        Phase.PAUSED,
        () -> {
          Replay r = started(Strategies.canaryStandard());
          r.on(new StepFinished(minutes(1)));
          return r;
        });
    phases.put(Phase.ANALYZING, CanaryHistoryTest::toAnalysis);
    phases.put(
        Phase.AWAITING_APPROVAL,
        () ->
            started(
                Strategies.canary(
                    Strategies.ROLLBACK_10M, new Step.Approval(List.of(), Optional.empty()))));
    return phases;
  }

  /** One rollout waiting in each kind of step, and in each kind of hold. */
  static Map<String, Supplier<Replay>> byStep() {
    Map<String, Supplier<Replay>> steps = new LinkedHashMap<>();
    steps.put("setWeight", () -> started(canary(new Step.SetWeight(10))));
    steps.put("scale", () -> started(blueGreen()));
    steps.put("timed pause", () -> started(canary(Strategies.pause(5))));
    steps.put("untimed pause", () -> started(canary(Strategies.untimedPause())));
    steps.put("analysis", () -> started(canary(new Step.Analysis(Strategies.run("error-rate")))));
    steps.put(
        "approval", () -> started(canary(new Step.Approval(List.of("carol"), Optional.empty()))));
    steps.put("verify", () -> started(canary(new Step.Verify(List.of()))));
    steps.put(
        "migrate", () -> started(canary(new Step.Migrate(List.of("migrate"), Optional.empty()))));
    steps.put(
        "inconclusive hold",
        () -> {
          Replay r = started(canary(new Step.Analysis(Strategies.run("error-rate"))));
          r.on(new MeasurementTaken(minutes(1), Verdict.INCONCLUSIVE, "no data"));
          return r;
        });
    steps.put(
        "failure hold",
        () -> {
          Replay r =
              started(
                  Strategies.canary(
                      Strategies.PAUSE_10M, new Step.Analysis(Strategies.run("error-rate"))));
          r.on(new MeasurementTaken(minutes(1), Verdict.FAILED, "5xx"));
          return r;
        });
    steps.put(
        "setWeight with background analysis",
        () -> started(Strategies.canaryWithBackground(0, new Step.SetWeight(10))));
    return steps;
  }

  static RolloutPlan canary(Step step) {
    return Strategies.canary(Strategies.ROLLBACK_10M, step);
  }

  static RolloutPlan blueGreen() {
    var method =
        new Method.BlueGreen(
            Optional.empty(), Optional.empty(), true, Optional.empty(), Optional.empty());
    return RolloutPlan.of(new StrategySpec("", method, Strategies.ROLLBACK_10M), 4);
  }

  private static Replay started(RolloutPlan plan) {
    Replay r = Replay.of(plan);
    r.on(new Started(minutes(0)));
    return r;
  }
}
