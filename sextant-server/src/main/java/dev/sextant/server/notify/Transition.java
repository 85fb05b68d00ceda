package dev.sextant.server.notify;

import dev.sextant.server.store.RolloutMoved;
import java.util.Optional;
import java.util.Set;

/**
 * Which moves of a rollout are news. A {@code rollout.moved} event is a transition when the phase
 * it led to differs from the phase of the rollout's move before it (its first move, from nothing,
 * always does), or when an operator asked for it, whatever phase it led to: an abort, promote,
 * pause, resume, retry, undo or approval is news even when the phase stays (a promote while
 * progressing, a pause of a paused rollout). The engine's own moves that keep the phase (a timer, a
 * measurement, ready instances) are not.
 *
 * @param previousPhase the phase before; empty for the rollout's first move
 */
public record Transition(RolloutMoved moved, Optional<String> previousPhase) {
  /** The verbs an operator gives a rollout, as {@link RolloutMoved#verb()} records them. */
  static final Set<String> MANUAL =
      Set.of("abort", "promote", "pause", "resume", "retry", "undo", "approve");

  /** Whether the move is a transition notifiers hear of. */
  public boolean isNews() {
    return manual() || !previousPhase.equals(Optional.of(moved.phase()));
  }

  /** Whether an operator asked for the move. */
  public boolean manual() {
    return MANUAL.contains(moved.verb());
  }
}
