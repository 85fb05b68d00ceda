package dev.sextant.core.rollout;

import dev.sextant.core.resource.spec.Argument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine must do after it has committed a transition. The key ({@code
 * rolloutId/version/index}) is unique per command, so a command run again after a crash can be
 * recognised and changes nothing.
 */
public sealed interface RolloutCommand {
  String idempotencyKey();

  /** The instances of the version serving now, and of the version being rolled out. */
  enum Track {
    STABLE,
    CANARY
  }

  /** The share of traffic, 0–100, sent to the canary. */
  record SetCanaryWeight(String idempotencyKey, int weight) implements RolloutCommand {
    public SetCanaryWeight {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
  }

  /** Run exactly {@code count} instances of a track: a count, not a delta, so it can repeat. */
  record ScaleInstances(String idempotencyKey, Track track, int count) implements RolloutCommand {
    public ScaleInstances {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(track, "track");
    }
  }

  /** Deliver {@link RolloutEvent.TimerFired} with {@code timer} at {@code at}. */
  record ScheduleTimer(String idempotencyKey, String timer, Instant at) implements RolloutCommand {
    public ScheduleTimer {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(timer, "timer");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Start an analysis run; its verdicts come back as {@link RolloutEvent.MeasurementTaken}. */
  record StartAnalysis(
      String idempotencyKey, String analysis, List<String> templates, List<Argument> args)
      implements RolloutCommand {
    public StartAnalysis {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(analysis, "analysis");
      templates = List.copyOf(templates);
      args = List.copyOf(args);
    }
  }

  record StopAnalysis(String idempotencyKey, String analysis) implements RolloutCommand {
    public StopAnalysis {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(analysis, "analysis");
    }
  }

  record RequestApproval(String idempotencyKey, List<String> approvers, Optional<String> message)
      implements RolloutCommand {
    public RequestApproval {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      approvers = List.copyOf(approvers);
      Objects.requireNonNull(message, "message");
    }
  }

  record RunMigration(String idempotencyKey, List<String> command, Optional<Duration> timeout)
      implements RolloutCommand {
    public RunMigration {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      command = List.copyOf(command);
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  /** Run the variant's deep checks: those named, or all when none are. */
  record RunVerification(String idempotencyKey, List<String> checks) implements RolloutCommand {
    public RunVerification {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      checks = List.copyOf(checks);
    }
  }

  /** The canary becomes the stable version; the target retires the old instances. */
  record PromoteCanary(String idempotencyKey) implements RolloutCommand {
    public PromoteCanary {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
  }

  /** Serve {@code revision} again, as it was, without analysis. */
  record RestoreRevision(String idempotencyKey, String revision) implements RolloutCommand {
    public RestoreRevision {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(revision, "revision");
    }
  }

  /** Write the outcome to the ledger and notify. */
  record RecordOutcome(String idempotencyKey, Phase phase, String reason)
      implements RolloutCommand {
    public RecordOutcome {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
