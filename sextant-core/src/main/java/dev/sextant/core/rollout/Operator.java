package dev.sextant.core.rollout;

import dev.sextant.core.rollout.RolloutEvent.Abort;
import dev.sextant.core.rollout.RolloutEvent.Approved;
import dev.sextant.core.rollout.RolloutEvent.Pause;
import dev.sextant.core.rollout.RolloutEvent.Promote;
import dev.sextant.core.rollout.RolloutEvent.Resume;
import dev.sextant.core.rollout.RolloutEvent.Retry;
import dev.sextant.core.rollout.RolloutEvent.Undo;
import java.util.Optional;

/** What people do to a rollout: approve, pause, resume, abort, promote, retry, undo. */
final class Operator {
  private static final String ROLE = "role:";
  private static final String ADMIN = "admin";

  private Operator() {}

  /**
   * An approver the step names by name, or by a role they hold ({@code role:approver}; an admin
   * holds every role, as in a Policy's approvers).
   */
  static Transition approve(RolloutState state, Approved event) {
    PlanStep.Approval approval = (PlanStep.Approval) state.currentStep();
    boolean named =
        approval.approvers().stream()
            .anyMatch(
                a ->
                    a.equals(event.by())
                        || (a.startsWith(ROLE)
                            && (event.roles().contains(a.substring(ROLE.length()))
                                || event.roles().contains(ADMIN))));
    if (!approval.approvers().isEmpty() && !named) {
      return new Transition.Refused(
          state,
          "cannot approve: the rollout is awaiting approval from "
              + String.join(", ", approval.approvers())
              + ", not "
              + event.by());
    }
    return Progress.advance(new Draft(state), event.at()).moved();
  }

  /** The step's own analysis stops; resuming starts the step again, analysis and all. */
  static Transition pause(RolloutState state, Pause event) {
    if (state.hold().filter(h -> h == Hold.OPERATOR).isPresent()) {
      return new Transition.Refused(
          state, "cannot pause: the rollout is paused already (" + state.reason() + ")");
    }
    Draft d = new Draft(state);
    if (d.phase == Phase.ANALYZING) {
      int step = d.step;
      d.emit(k -> new RolloutCommand.StopAnalysis(k, Progress.stepAnalysis(step)));
    }
    d.pause(
        Hold.OPERATOR, "paused by " + event.by() + " at " + state.plan().describe(state.step()));
    d.deadline = Optional.empty();
    return d.moved();
  }

  static Transition resume(RolloutState state, Resume event) {
    Hold hold = state.hold().orElseThrow();
    Draft d = new Draft(state);
    if (hold == Hold.FAILURE) {
      return new Transition.Refused(
          state,
          "cannot resume: the rollout is paused because "
              + state.reason()
              + "; abort it, or promote it");
    }
    if (hold == Hold.OPERATOR) {
      return Progress.enter(d, state.step(), event.at()).moved();
    }
    return Progress.advance(d, event.at()).moved();
  }

  static Transition abort(RolloutState state, Abort event) {
    String reason = "aborted by " + event.by() + ": " + event.reason();
    return Outcomes.rollback(new Draft(state), Phase.ABORTED, reason).moved();
  }

  static Transition promote(RolloutState state, Promote event) {
    String reason =
        "promoted by "
            + event.by()
            + ", skipping the steps from "
            + state.plan().describe(state.step());
    return Outcomes.promote(new Draft(state), reason).moved();
  }

  static Transition retry(RolloutState state, Retry event) {
    Draft d = new Draft(state);
    d.weight = 0;
    return Progress.enter(d, 0, event.at()).moved();
  }

  static Transition undo(RolloutState state, Undo event) {
    String revision = state.revisions().stable();
    String reason = "undone by " + event.by() + ": back to revision " + revision;
    Draft d = new Draft(state);
    d.emit(k -> new RolloutCommand.RestoreRevision(k, revision));
    d.emit(k -> new RolloutCommand.RecordOutcome(k, Phase.ROLLED_BACK, reason));
    d.weight = 0;
    return d.end(Phase.ROLLED_BACK, reason).moved();
  }
}
