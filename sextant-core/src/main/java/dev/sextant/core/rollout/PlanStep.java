package dev.sextant.core.rollout;

import dev.sextant.core.resource.spec.AnalysisRun;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a compiled {@link RolloutPlan}; every method (canary, blue-green, rolling) ends in
 * these.
 */
public sealed interface PlanStep {

  /** How a reason names the step: "setWeight 10", "pause 5m". */
  String text();

  /** Ends when the target confirms ({@link RolloutEvent.StepFinished}). */
  record SetWeight(int weight) implements PlanStep {
    @Override
    public String text() {
      return "setWeight " + weight;
    }
  }

  /** Run these many instances of each track; ends when they are ready. */
  record Scale(int canary, int stable) implements PlanStep {
    @Override
    public String text() {
      return "scale canary to " + canary + ", stable to " + stable;
    }
  }

  /** Ends when its timer fires, or when resumed if it has no duration. */
  record Pause(Optional<Duration> duration) implements PlanStep {
    public Pause {
      Objects.requireNonNull(duration, "duration");
    }

    @Override
    public String text() {
      return duration.map(d -> "pause " + RolloutPlan.text(d)).orElse("pause until resumed");
    }
  }

  record Analysis(AnalysisRun run) implements PlanStep {
    public Analysis {
      Objects.requireNonNull(run, "run");
    }

    @Override
    public String text() {
      return "analysis " + String.join(", ", run.templates());
    }
  }

  record Approval(List<String> approvers, Optional<String> message) implements PlanStep {
    public Approval {
      approvers = List.copyOf(approvers);
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String text() {
      return "approval";
    }
  }

  /** Ends when the target confirms the checks passed. */
  record Verify(List<String> checks) implements PlanStep {
    public Verify {
      checks = List.copyOf(checks);
    }

    @Override
    public String text() {
      return "verify";
    }
  }

  /** Ends when the target confirms the migration ran. */
  record Migrate(List<String> command, Optional<Duration> timeout) implements PlanStep {
    public Migrate {
      command = List.copyOf(command);
      Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String text() {
      return "migrate";
    }
  }

  /** The canary becomes stable; the rollout succeeds. */
  record Promote() implements PlanStep {
    @Override
    public String text() {
      return "promote";
    }
  }
}
