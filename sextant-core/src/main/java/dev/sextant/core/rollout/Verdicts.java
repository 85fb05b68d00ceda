package dev.sextant.core.rollout;

import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Verdict;

/** What an analysis verdict does to the rollout: the step's own analysis, or the background one. */
final class Verdicts {
  private Verdicts() {}

  /**
   * In {@link Phase#ANALYZING}: the current step's analysis decides whether the rollout goes on.
   */
  static Transition stepVerdict(RolloutState state, MeasurementTaken event) {
    Draft d = new Draft(state);
    String step = state.plan().describe(state.step());
    if (event.verdict() == Verdict.SUCCESSFUL) {
      return Progress.advance(d, event.at()).moved();
    }
    if (event.verdict() == Verdict.INCONCLUSIVE) {
      Outcomes.stopAnalyses(d);
      return d.pause(
              Hold.INCONCLUSIVE, "analysis of " + step + " was inconclusive: " + event.detail())
          .moved();
    }
    return Outcomes.fail(d, event.at(), failure(event, "analysis of " + step)).moved();
  }

  /**
   * Outside the analysis steps only the background analysis measures; a failure there fails the
   * rollout, anything else leaves it where it is.
   */
  static Transition backgroundVerdict(RolloutState state, MeasurementTaken event) {
    if (!state.backgroundAnalysis()) {
      return new Transition.Refused(
          state,
          "cannot take a measurement: the rollout is "
              + state.phase().text()
              + " at "
              + state.plan().describe(state.step())
              + " and no analysis is running");
    }
    Draft d = new Draft(state);
    if (event.verdict() == Verdict.FAILED || event.verdict() == Verdict.ERROR) {
      String at = "background analysis at " + state.plan().describe(state.step());
      return Outcomes.fail(d, event.at(), failure(event, at)).moved();
    }
    return d.moved();
  }

  // ERROR counts as a failure: the analysis gives up only after its own error limit.
  private static String failure(MeasurementTaken event, String what) {
    String verdict = event.verdict() == Verdict.ERROR ? "errored" : "failed";
    return what + " " + verdict + ": " + event.detail();
  }
}
