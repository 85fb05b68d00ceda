package dev.sextant.core.rollout;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What happened to a rollout; time enters the machine only as {@link #at()}. */
public sealed interface RolloutEvent {
  Instant at();

  /** What the event asks of the rollout, as a refusal says it: "cannot promote: …". */
  String verb();

  /** The verdict of the analysis a measurement belongs to, as the analysis judges it so far. */
  enum Verdict {
    SUCCESSFUL,
    FAILED,
    INCONCLUSIVE,
    ERROR
  }

  record Started(Instant at) implements RolloutEvent {
    public Started {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String verb() {
      return "start";
    }
  }

  /** The target confirmed the current step's commands (a weight set, a migration run). */
  record StepFinished(Instant at) implements RolloutEvent {
    public StepFinished {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String verb() {
      return "finish a step";
    }
  }

  /** The target could not carry out the current step. */
  record StepFailed(Instant at, String reason) implements RolloutEvent {
    public StepFailed {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String verb() {
      return "fail a step";
    }
  }

  record TimerFired(Instant at, String timer) implements RolloutEvent {
    public TimerFired {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(timer, "timer");
    }

    @Override
    public String verb() {
      return "fire a timer";
    }
  }

  record MeasurementTaken(Instant at, Verdict verdict, String detail) implements RolloutEvent {
    public MeasurementTaken {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String verb() {
      return "take a measurement";
    }
  }

  /** The instances the current batch asked for are running and ready. */
  record InstancesReady(Instant at) implements RolloutEvent {
    public InstancesReady {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String verb() {
      return "take ready instances";
    }
  }

  record InstanceCrashed(Instant at, String instance, String detail) implements RolloutEvent {
    public InstanceCrashed {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String verb() {
      return "take a crashed instance";
    }
  }

  /** The engine's wake-up at {@link RolloutState#deadline()}; any later event counts as one. */
  record DeadlinePassed(Instant at) implements RolloutEvent {
    public DeadlinePassed {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String verb() {
      return "pass a deadline";
    }
  }

  /**
   * A person approved the approval step.
   *
   * @param roles the roles {@code by} holds where the rollout runs, for a step whose approvers name
   *     {@code role:NAME}
   */
  record Approved(Instant at, String by, Set<String> roles) implements RolloutEvent {
    public Approved {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
      roles = Set.copyOf(roles);
    }

    /** An approval by name alone. */
    public Approved(Instant at, String by) {
      this(at, by, Set.of());
    }

    @Override
    public String verb() {
      return "approve";
    }
  }

  record Pause(Instant at, String by) implements RolloutEvent {
    public Pause {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String verb() {
      return "pause";
    }
  }

  record Resume(Instant at, String by) implements RolloutEvent {
    public Resume {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String verb() {
      return "resume";
    }
  }

  record Abort(Instant at, String by, String reason) implements RolloutEvent {
    public Abort {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String verb() {
      return "abort";
    }
  }

  /** Skip the remaining steps and make the canary stable. */
  record Promote(Instant at, String by) implements RolloutEvent {
    public Promote {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String verb() {
      return "promote";
    }
  }

  /** Start an aborted or failed rollout again from its first step. */
  record Retry(Instant at, String by) implements RolloutEvent {
    public Retry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String verb() {
      return "retry";
    }
  }

  /** Return a succeeded rollout's environment to the previous stable revision, unanalysed. */
  record Undo(Instant at, String by) implements RolloutEvent {
    public Undo {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String verb() {
      return "undo";
    }
  }
}
