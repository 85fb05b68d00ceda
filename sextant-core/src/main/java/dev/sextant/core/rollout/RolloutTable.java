package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Phase.ABORTED;
import static dev.sextant.core.rollout.Phase.ANALYZING;
import static dev.sextant.core.rollout.Phase.AWAITING_APPROVAL;
import static dev.sextant.core.rollout.Phase.FAILED;
import static dev.sextant.core.rollout.Phase.PAUSED;
import static dev.sextant.core.rollout.Phase.PENDING;
import static dev.sextant.core.rollout.Phase.PROGRESSING;
import static dev.sextant.core.rollout.Phase.SUCCEEDED;

import dev.sextant.core.rollout.RolloutEvent.Abort;
import dev.sextant.core.rollout.RolloutEvent.Approved;
import dev.sextant.core.rollout.RolloutEvent.DeadlinePassed;
import dev.sextant.core.rollout.RolloutEvent.InstanceCrashed;
import dev.sextant.core.rollout.RolloutEvent.InstancesReady;
import dev.sextant.core.rollout.RolloutEvent.MeasurementTaken;
import dev.sextant.core.rollout.RolloutEvent.Pause;
import dev.sextant.core.rollout.RolloutEvent.Promote;
import dev.sextant.core.rollout.RolloutEvent.Resume;
import dev.sextant.core.rollout.RolloutEvent.Retry;
import dev.sextant.core.rollout.RolloutEvent.Started;
import dev.sextant.core.rollout.RolloutEvent.StepFailed;
import dev.sextant.core.rollout.RolloutEvent.StepFinished;
import dev.sextant.core.rollout.RolloutEvent.TimerFired;
import dev.sextant.core.rollout.RolloutEvent.Undo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which events each phase takes, and who handles them; an event not listed for a phase is refused.
 * The deadline row of a phase also takes any event that arrives at or past the deadline.
 */
public final class RolloutTable {

  /** One row: a phase and the kind of event it takes. */
  public record Entry(Phase phase, Class<? extends RolloutEvent> event) {
    @Override
    public String toString() {
      return phase + " × " + event.getSimpleName();
    }
  }

  interface Handler {
    Transition handle(RolloutState state, RolloutEvent event);
  }

  private static final List<Phase> RUNNING =
      List.of(PROGRESSING, PAUSED, AWAITING_APPROVAL, ANALYZING);
  private static final Map<Entry, Handler> ROWS = rows();

  private RolloutTable() {}

  /** Every row, in the order written below. */
  public static Set<Entry> entries() {
    return ROWS.keySet();
  }

  static Optional<Handler> handler(Entry entry) {
    return Optional.ofNullable(ROWS.get(entry));
  }

  private static Map<Entry, Handler> rows() {
    Map<Entry, Handler> rows = new LinkedHashMap<>();
    add(rows, PENDING, Started.class, Progress::start);
    add(rows, PENDING, Abort.class, Operator::abort);

    add(rows, PROGRESSING, StepFinished.class, Progress::stepFinished);
    add(rows, PROGRESSING, InstancesReady.class, Progress::instancesReady);
    add(rows, PROGRESSING, StepFailed.class, Progress::stepFailed);
    add(rows, PAUSED, TimerFired.class, Progress::timerFired);
    add(rows, PAUSED, Resume.class, Operator::resume);
    add(rows, AWAITING_APPROVAL, Approved.class, Operator::approve);
    add(rows, ANALYZING, MeasurementTaken.class, Verdicts::stepVerdict);
    for (Phase phase : List.of(PROGRESSING, PAUSED, AWAITING_APPROVAL)) {
      add(rows, phase, MeasurementTaken.class, Verdicts::backgroundVerdict);
    }
    for (Phase phase : RUNNING) {
      add(rows, phase, InstanceCrashed.class, Progress::instanceCrashed);
      // Any event at or past the deadline comes here, so this row takes every kind.
      rows.put(new Entry(phase, DeadlinePassed.class), Deadlines::passed);
      add(rows, phase, Pause.class, Operator::pause);
      add(rows, phase, Abort.class, Operator::abort);
      add(rows, phase, Promote.class, Operator::promote);
    }

    add(rows, SUCCEEDED, Undo.class, Operator::undo);
    add(rows, ABORTED, Retry.class, Operator::retry);
    add(rows, FAILED, Retry.class, Operator::retry);
    return Collections.unmodifiableMap(rows);
  }

  private static <E extends RolloutEvent> void add(
      Map<Entry, Handler> rows,
      Phase phase,
      Class<E> type,
      BiFunction<RolloutState, E, Transition> handler) {
    rows.put(new Entry(phase, type), (state, event) -> handler.apply(state, type.cast(event)));
  }
}
