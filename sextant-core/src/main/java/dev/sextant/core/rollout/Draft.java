package dev.sextant.core.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The next state while a handler builds it, with the commands it emits in order. */
final class Draft {
  final RolloutState from;
  Phase phase;
  int step;
  int weight;
  Optional<Hold> hold;
  String reason;
  Optional<Instant> deadline;
  Optional<String> timer;
  boolean backgroundAnalysis;
  private final List<RolloutCommand> commands = new ArrayList<>();

  Draft(RolloutState from) {
    this.from = from;
    this.phase = from.phase();
    this.step = from.step();
    this.weight = from.weight();
    this.hold = from.hold();
    this.reason = from.reason();
    this.deadline = from.deadline();
    this.timer = from.timer();
    this.backgroundAnalysis = from.backgroundAnalysis();
  }

  RolloutPlan plan() {
    return from.plan();
  }

  /** The key the next command will carry: unique per rollout, version and position. */
  String nextKey() {
    return from.rolloutId() + "/" + (from.version() + 1) + "/" + commands.size();
  }

  Draft emit(Function<String, RolloutCommand> command) {
    commands.add(command.apply(nextKey()));
    return this;
  }

  /** Paused with a reason, keeping the deadline a pause does not suspend. */
  Draft pause(Hold why, String because) {
    phase = Phase.PAUSED;
    hold = Optional.of(why);
    reason = because;
    timer = Optional.empty();
    return this;
  }

  /** Ended: nothing waits any more. */
  Draft end(Phase terminal, String because) {
    phase = terminal;
    hold = Optional.empty();
    reason = because;
    deadline = Optional.empty();
    timer = Optional.empty();
    backgroundAnalysis = false;
    return this;
  }

  Transition moved() {
    return new Transition.Moved(
        new RolloutState(
            from.rolloutId(),
            from.version() + 1,
            from.plan(),
            from.revisions(),
            phase,
            step,
            weight,
            hold,
            reason,
            deadline,
            timer,
            backgroundAnalysis),
        commands);
  }
}
