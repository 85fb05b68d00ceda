package dev.sextant.core.rollout;

import java.util.Optional;

/**
 * The rollout's transition function. Pure: the same state and event give the same transition, so
 * the engine can commit it (compare-and-set on the version) before running its commands.
 */
public final class RolloutMachine {

  /** The new state and its commands, or a refusal naming the phase and why. */
  public Transition next(RolloutState state, RolloutEvent event) {
    return route(state, event)
        .flatMap(RolloutTable::handler)
        .map(handler -> handler.handle(state, event))
        .orElseGet(
            () ->
                new Transition.Refused(
                    state, "cannot " + event.verb() + ": the rollout is " + state.phase().text()));
  }

  /** The row that takes the event; past the deadline, whatever the event, the deadline row. */
  public Optional<RolloutTable.Entry> route(RolloutState state, RolloutEvent event) {
    Class<? extends RolloutEvent> type =
        Deadlines.expired(state, event) ? RolloutEvent.DeadlinePassed.class : event.getClass();
    RolloutTable.Entry entry = new RolloutTable.Entry(state.phase(), type);
    return RolloutTable.entries().contains(entry) ? Optional.of(entry) : Optional.empty();
  }
}
