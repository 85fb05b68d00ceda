package dev.sextant.core.rollout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rollout between two events. The engine stores it and moves it only by compare-and-set on {@code
 * version}, which every transition raises by one.
 *
 * @param step the index of the current step in {@code plan}
 * @param weight the canary's share of traffic, 0–100
 * @param hold why the rollout is paused; empty unless {@link Phase#PAUSED}
 * @param reason why the rollout is paused, failed or finished; empty while it runs
 * @param deadline when the current step must be done; empty when nothing can time out (pending,
 *     terminal, or paused by an operator)
 * @param timer the timer a timed pause waits for
 * @param backgroundAnalysis whether the plan's background analysis is running
 */
public record RolloutState(
    String rolloutId,
    long version,
    RolloutPlan plan,
    Revisions revisions,
    Phase phase,
    int step,
    int weight,
    Optional<Hold> hold,
    String reason,
    Optional<Instant> deadline,
    Optional<String> timer,
    boolean backgroundAnalysis) {

  public RolloutState {
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(revisions, "revisions");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(timer, "timer");
    if (step < 0 || step >= plan.steps().size()) {
      throw new IllegalArgumentException("step " + step + " is not in the plan");
    }
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("weight " + weight + " is not between 0 and 100");
    }
    if (hold.isPresent() != (phase == Phase.PAUSED)) {
      throw new IllegalArgumentException("a hold belongs to a paused rollout, not " + phase);
    }
    boolean timesOut =
        !phase.terminal() && phase != Phase.PENDING && !hold.equals(Optional.of(Hold.OPERATOR));
    if (deadline.isPresent() != timesOut) {
      throw new IllegalArgumentException(
          "a rollout has a deadline exactly while it runs and no operator holds it, not "
              + phase
              + hold.map(h -> " (" + h + ")").orElse(""));
    }
  }

  /** A rollout that has not started. */
  public static RolloutState pending(String rolloutId, RolloutPlan plan, Revisions revisions) {
    return new RolloutState(
        rolloutId,
        0,
        plan,
        revisions,
        Phase.PENDING,
        0,
        0,
        Optional.empty(),
        "",
        Optional.empty(),
        Optional.empty(),
        false);
  }

  public PlanStep currentStep() {
    return plan.steps().get(step);
  }
}
