package dev.sextant.core.rollout;

/**
 * Every step ends by its deadline: {@code progressDeadline} after it started (after a timed pause's
 * end, for a timed pause). An event at or past the deadline, of whatever kind, is taken as the
 * deadline passing. Only a rollout paused by an operator has no deadline: a person holds it.
 */
final class Deadlines {
  private Deadlines() {}

  static boolean expired(RolloutState state, RolloutEvent event) {
    return state.deadline().filter(deadline -> !event.at().isBefore(deadline)).isPresent();
  }

  static Transition passed(RolloutState state, RolloutEvent event) {
    if (state.hold().filter(h -> h == Hold.OPERATOR).isPresent()) {
      return new Transition.Refused(
          state, "cannot pass a deadline: the rollout is paused by an operator and has none");
    }
    if (!expired(state, event)) {
      return new Transition.Refused(
          state,
          "cannot pass a deadline: the rollout is "
              + state.phase().text()
              + " and "
              + state.plan().describe(state.step())
              + " has until "
              + state.deadline().orElseThrow());
    }
    String reason =
        state.plan().describe(state.step())
            + " did not finish by its deadline "
            + state.deadline().orElseThrow()
            + " (progressDeadline "
            + RolloutPlan.text(state.plan().progressDeadline())
            + ")";
    // Past the deadline there is no one to hold for, whatever onFailure says.
    return Outcomes.rollback(new Draft(state), Phase.FAILED, reason).moved();
  }
}
