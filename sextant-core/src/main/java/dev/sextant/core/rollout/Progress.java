package dev.sextant.core.rollout;

import dev.sextant.core.rollout.RolloutCommand.Track;
import java.time.Instant;
import java.util.Optional;

/** Entering steps and finishing them: the rollout's way forward. */
final class Progress {
  static final String BACKGROUND = "background";

  private Progress() {}

  static String stepAnalysis(int step) {
    return "step-" + step;
  }

  static Transition start(RolloutState state, RolloutEvent.Started event) {
    return enter(new Draft(state), 0, event.at()).moved();
  }

  static Transition stepFinished(RolloutState state, RolloutEvent.StepFinished event) {
    PlanStep step = state.currentStep();
    if (step instanceof PlanStep.Scale) {
      return waitsFor(state, "its instances to be ready");
    }
    return advance(new Draft(state), event.at()).moved();
  }

  static Transition instancesReady(RolloutState state, RolloutEvent.InstancesReady event) {
    if (!(state.currentStep() instanceof PlanStep.Scale)) {
      return waitsFor(state, "the target to confirm it");
    }
    return advance(new Draft(state), event.at()).moved();
  }

  static Transition stepFailed(RolloutState state, RolloutEvent.StepFailed event) {
    String reason = state.plan().describe(state.step()) + " failed: " + event.reason();
    return Outcomes.fail(new Draft(state), event.at(), reason).moved();
  }

  static Transition timerFired(RolloutState state, RolloutEvent.TimerFired event) {
    if (state.hold().filter(h -> h == Hold.TIMED).isEmpty()
        || !state.timer().equals(Optional.of(event.timer()))) {
      return new Transition.Refused(
          state,
          "cannot fire timer "
              + event.timer()
              + ": the rollout is paused ("
              + state.reason()
              + ") and waits for no such timer");
    }
    return advance(new Draft(state), event.at()).moved();
  }

  static Transition instanceCrashed(RolloutState state, RolloutEvent.InstanceCrashed event) {
    String reason =
        "instance "
            + event.instance()
            + " crashed at "
            + state.plan().describe(state.step())
            + ": "
            + event.detail();
    return Outcomes.fail(new Draft(state), event.at(), reason).moved();
  }

  static Draft advance(Draft draft, Instant at) {
    return enter(draft, draft.step + 1, at);
  }

  /** Starts step {@code index}: its commands, its phase, and a fresh deadline. */
  static Draft enter(Draft d, int index, Instant at) {
    RolloutPlan plan = d.plan();
    d.step = index;
    d.phase = Phase.PROGRESSING;
    d.hold = Optional.empty();
    d.reason = "";
    d.timer = Optional.empty();
    d.deadline = Optional.of(at.plus(plan.progressDeadline()));
    plan.background()
        .filter(b -> b.startingStep() == index && !d.backgroundAnalysis)
        .ifPresent(
            b -> {
              d.emit(k -> new RolloutCommand.StartAnalysis(k, BACKGROUND, b.templates(), b.args()));
              d.backgroundAnalysis = true;
            });
    PlanStep step = plan.steps().get(index);
    if (step instanceof PlanStep.SetWeight s) {
      d.emit(k -> new RolloutCommand.SetCanaryWeight(k, s.weight()));
      d.weight = s.weight();
      d.phase = Phase.PROGRESSING;
    } else if (step instanceof PlanStep.Scale s) {
      d.emit(k -> new RolloutCommand.ScaleInstances(k, Track.CANARY, s.canary()));
      d.emit(k -> new RolloutCommand.ScaleInstances(k, Track.STABLE, s.stable()));
      d.phase = Phase.PROGRESSING;
    } else if (step instanceof PlanStep.Pause p && p.duration().isPresent()) {
      // The timer is named by its command's key, so a timer left over from an earlier visit to
      // this step never resumes a later one.
      Instant until = at.plus(p.duration().get());
      String timer = d.nextKey();
      d.emit(k -> new RolloutCommand.ScheduleTimer(k, timer, until));
      d.pause(Hold.TIMED, plan.describe(index) + " until " + until);
      d.timer = Optional.of(timer);
      d.deadline = Optional.of(until.plus(plan.progressDeadline()));
    } else if (step instanceof PlanStep.Pause) {
      d.pause(Hold.UNTIMED, plan.describe(index));
    } else if (step instanceof PlanStep.Analysis a) {
      d.emit(
          k ->
              new RolloutCommand.StartAnalysis(
                  k, stepAnalysis(index), a.run().templates(), a.run().args()));
      d.phase = Phase.ANALYZING;
    } else if (step instanceof PlanStep.Approval a) {
      d.emit(k -> new RolloutCommand.RequestApproval(k, a.approvers(), a.message()));
      d.phase = Phase.AWAITING_APPROVAL;
    } else if (step instanceof PlanStep.Verify v) {
      d.emit(k -> new RolloutCommand.RunVerification(k, v.checks()));
      d.phase = Phase.PROGRESSING;
    } else if (step instanceof PlanStep.Migrate m) {
      d.emit(k -> new RolloutCommand.RunMigration(k, m.command(), m.timeout()));
      d.phase = Phase.PROGRESSING;
    } else {
      Outcomes.promote(d, "promoted by the plan's last step");
    }
    return d;
  }

  private static Transition waitsFor(RolloutState state, String what) {
    return new Transition.Refused(
        state,
        "cannot finish "
            + state.plan().describe(state.step())
            + ": the rollout is "
            + state.phase().text()
            + " and waits for "
            + what);
  }
}
