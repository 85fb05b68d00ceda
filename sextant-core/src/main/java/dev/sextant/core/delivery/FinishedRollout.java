package dev.sextant.core.delivery;

import dev.sextant.core.rollout.Phase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rollout that ended, with the times the delivery figures need.
 *
 * @param phase its terminal phase
 * @param finished when it reached that phase; for a rolled-back one, when it was undone
 * @param deployed when its revision took all traffic: for a succeeded rollout when it finished, for
 *     a rolled-back one when it had succeeded; empty when it never did (failed, aborted)
 * @param changeCreated when the release revision it deploys was created; empty when unknown
 */
public record FinishedRollout(
    String id,
    String service,
    String environment,
    Phase phase,
    Instant finished,
    Optional<Instant> deployed,
    Optional<Instant> changeCreated) {
  public FinishedRollout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(deployed, "deployed");
    Objects.requireNonNull(changeCreated, "changeCreated");
    if (!phase.terminal()) {
      throw new IllegalArgumentException(
          "rollout " + id + " is " + phase.text() + ", not finished");
    }
    if (deployed.isPresent() != (phase == Phase.SUCCEEDED || phase == Phase.ROLLED_BACK)) {
      throw new IllegalArgumentException(
          "rollout "
              + id
              + " is "
              + phase.text()
              + ": only a succeeded or rolled-back rollout was deployed");
    }
  }

  /**
   * A rollout as its stored events date it: an undo is the one event a succeeded rollout takes, so
   * a rolled-back rollout succeeded at the event before its last.
   *
   * @param lastEvent when its last event was recorded
   * @param eventBefore when the event before that one was recorded, if it took one
   */
  public static FinishedRollout dated(
      String id,
      String service,
      String environment,
      Phase phase,
      Instant lastEvent,
      Optional<Instant> eventBefore,
      Optional<Instant> changeCreated) {
    Optional<Instant> deployed =
        switch (phase) {
          case SUCCEEDED -> Optional.of(lastEvent);
          case ROLLED_BACK -> Optional.of(eventBefore.orElse(lastEvent));
          default -> Optional.empty();
        };
    return new FinishedRollout(id, service, environment, phase, lastEvent, deployed, changeCreated);
  }

  /** Failed or rolled back: a change that hurt, as DORA's change failure rate counts them. */
  public boolean changeFailure() {
    return phase == Phase.FAILED || phase == Phase.ROLLED_BACK;
  }
}
