package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One step of a canary, written as a single key: {@code - setWeight: 10}, {@code - promote: {}}.
 */
public sealed interface Step {

  /** The step a document's single key names; the schema has already checked there is one. */
  @JsonCreator
  static Step fromDocument(
      @JsonProperty("setWeight") Integer setWeight,
      @JsonProperty("pause") Pause pause,
      @JsonProperty("analysis") AnalysisRun analysis,
      @JsonProperty("approval") Approval approval,
      @JsonProperty("verify") Verify verify,
      @JsonProperty("migrate") Migrate migrate,
      @JsonProperty("promote") Promote promote) {
    List<Step> steps =
        Stream.<Step>of(
                setWeight == null ? null : new SetWeight(setWeight),
                pause,
                analysis == null ? null : new Analysis(analysis),
                approval,
                verify,
                migrate,
                promote)
            .filter(Objects::nonNull)
            .toList();
    if (steps.size() != 1) {
      throw new IllegalArgumentException("a step has exactly one action, found " + steps.size());
    }
    return steps.get(0);
  }

  /** Send this percentage of traffic (0–100) to the new version. */
  record SetWeight(int weight) implements Step {
    public SetWeight {
      if (weight < 0 || weight > 100) {
        throw new IllegalArgumentException("weight " + weight + " is not between 0 and 100");
      }
    }
  }

  /** Wait for a duration, or until resumed when there is none. */
  record Pause(Optional<Duration> duration) implements Step {
    public Pause {
      duration = Defaults.optional(duration);
    }
  }

  /** Run analysis templates and wait for their verdict. */
  record Analysis(AnalysisRun run) implements Step {
    public Analysis {
      Objects.requireNonNull(run, "run");
    }
  }

  /** Wait for an approver, who is never the requester. */
  record Approval(List<String> approvers, Optional<String> message) implements Step {
    public Approval {
      approvers = Defaults.list(approvers);
      message = Defaults.optional(message);
    }
  }

  /** Run the chosen variant's deep checks on the target: those named, or all when none are. */
  record Verify(List<String> checks) implements Step {
    public Verify {
      checks = Defaults.list(checks);
    }
  }

  /** Run a schema-migration command before traffic moves. */
  record Migrate(List<String> command, Optional<Duration> timeout) implements Step {
    public Migrate {
      command = Defaults.list(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("a migrate step needs a command");
      }
      timeout = Defaults.optional(timeout);
    }
  }

  /** Make the new version stable. */
  record Promote() implements Step {}
}
