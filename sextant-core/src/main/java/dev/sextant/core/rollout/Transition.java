package dev.sextant.core.rollout;

import java.util.List;
import java.util.Objects;

/** What the machine makes of an event: a move to commit, or a refusal that changes nothing. */
public sealed interface Transition {

  /** The new state (one version on) and the commands to run, in order, once it is committed. */
  record Moved(RolloutState state, List<RolloutCommand> commands) implements Transition {
    public Moved {
      Objects.requireNonNull(state, "state");
      commands = List.copyOf(commands);
    }
  }

  /**
   * An illegal operation; {@code reason} names what was refused and the phase, e.g. "cannot
   * promote: the rollout is aborted".
   */
  record Refused(RolloutState state, String reason) implements Transition {
    public Refused {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
