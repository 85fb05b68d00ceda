package dev.sextant.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.rollout.RolloutCommand.PromoteCanary;
import dev.sextant.core.rollout.RolloutCommand.RecordOutcome;
import dev.sextant.core.rollout.RolloutCommand.RequestApproval;
import dev.sextant.core.rollout.RolloutCommand.RestoreRevision;
import dev.sextant.core.rollout.RolloutCommand.RunMigration;
import dev.sextant.core.rollout.RolloutCommand.RunVerification;
import dev.sextant.core.rollout.RolloutCommand.ScaleInstances;
import dev.sextant.core.rollout.RolloutCommand.ScheduleTimer;
import dev.sextant.core.rollout.RolloutCommand.SetCanaryWeight;
import dev.sextant.core.rollout.RolloutCommand.StartAnalysis;
import dev.sextant.core.rollout.RolloutCommand.StopAnalysis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays events into the machine one at a time, asserting each is taken or refused, and notes the
 * table rows it went through so {@link RolloutTableTest} can find rows no history reaches.
 */
final class Replay {
  static final Set<RolloutTable.Entry> ROWS_HIT = ConcurrentHashMap.newKeySet();
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  private final RolloutMachine machine = new RolloutMachine();
  private final List<RolloutEvent> history = new ArrayList<>();
  private final List<Transition> transitions = new ArrayList<>();
  private final RolloutState start;
  private RolloutState state;

  Replay(RolloutState start) {
    this.start = start;
    this.state = start;
  }

  static Replay of(RolloutPlan plan) {
    return new Replay(RolloutState.pending("r1", plan, new Revisions("v1", "v2")));
  }

  static Instant minutes(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  RolloutState state() {
    return state;
  }

  /** The commands of every transition so far, in order. */
  List<RolloutCommand> allCommands() {
    return transitions.stream()
        .filter(Transition.Moved.class::isInstance)
        .flatMap(t -> ((Transition.Moved) t).commands().stream())
        .toList();
  }

  List<RolloutCommand> commands() {
    return ((Transition.Moved) transitions.get(transitions.size() - 1)).commands();
  }

  Optional<RolloutTable.Entry> machineRoute(RolloutEvent event) {
    return machine.route(state, event);
  }

  /** Plays an event the machine must take; returns its commands as text. */
  List<String> on(RolloutEvent event) {
    Transition transition = play(event);
    assertThat(transition)
        .as("%s in %s", event, state.phase())
        .isInstanceOf(Transition.Moved.class);
    Transition.Moved moved = (Transition.Moved) transition;
    assertThat(moved.state().version()).isEqualTo(state.version() + 1);
    if (stopsTraffic(moved.state())) {
      assertThat(moved.commands())
          .as("the first command when %s", moved.state().reason())
          .first()
          .isInstanceOf(SetCanaryWeight.class)
          .extracting(c -> ((SetCanaryWeight) c).weight())
          .isEqualTo(0);
    }
    state = moved.state();
    return moved.commands().stream().map(Replay::text).toList();
  }

  /** Plays an event the machine must refuse; returns the reason. */
  String refused(RolloutEvent event) {
    Transition transition = play(event);
    assertThat(transition)
        .as("%s in %s", event, state.phase())
        .isInstanceOf(Transition.Refused.class);
    assertThat(((Transition.Refused) transition).state()).isEqualTo(state);
    return ((Transition.Refused) transition).reason();
  }

  /** The same history played again from the start gives the same transitions. */
  void replaysTheSame() {
    Replay again = new Replay(start);
    List<Transition> replayed = new ArrayList<>();
    RolloutState s = start;
    for (RolloutEvent event : history) {
      Transition t = again.machine.next(s, event);
      replayed.add(t);
      if (t instanceof Transition.Moved moved) {
        s = moved.state();
      }
    }
    assertThat(replayed).isEqualTo(transitions);
  }

  /** Every history checks the rule: abort or failure takes traffic off the canary first. */
  private static boolean stopsTraffic(RolloutState next) {
    return next.phase() == Phase.ABORTED
        || next.phase() == Phase.FAILED
        || next.hold().equals(Optional.of(Hold.FAILURE));
  }

  private Transition play(RolloutEvent event) {
    machine.route(state, event).ifPresent(ROWS_HIT::add);
    Transition transition = machine.next(state, event);
    history.add(event);
    transitions.add(transition);
    return transition;
  }

  static String text(RolloutCommand command) {
    if (command instanceof SetCanaryWeight c) {
      return "weight " + c.weight();
    } else if (command instanceof ScaleInstances c) {
      return "scale " + c.track() + " " + c.count();
    } else if (command instanceof ScheduleTimer c) {
      return "timer at " + c.at();
    } else if (command instanceof StartAnalysis c) {
      return "start analysis " + c.analysis() + " " + c.templates();
    } else if (command instanceof StopAnalysis c) {
      return "stop analysis " + c.analysis();
    } else if (command instanceof RequestApproval c) {
      return "request approval " + c.approvers();
    } else if (command instanceof RunMigration c) {
      return "migrate " + c.command();
    } else if (command instanceof RunVerification c) {
      return "verify " + c.checks();
    } else if (command instanceof PromoteCanary) {
      return "promote canary";
    } else if (command instanceof RestoreRevision c) {
      return "restore " + c.revision();
    }
    return "record " + ((RecordOutcome) command).phase();
  }
}
