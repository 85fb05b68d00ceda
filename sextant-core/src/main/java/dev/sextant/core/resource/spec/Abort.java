package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Optional;

/** What a strategy does when analysis fails or a step stalls past its deadline. */
public record Abort(OnFailure onFailure, Optional<Duration> progressDeadline) {
  /** Roll back at once; no progressDeadline means the rollout's default (10m). */
  public static final Abort DEFAULT = new Abort(OnFailure.ROLLBACK, Optional.empty());

  public Abort {
    onFailure = onFailure == null ? OnFailure.ROLLBACK : onFailure;
    progressDeadline = Defaults.optional(progressDeadline);
  }

  /** The response to a failure. */
  public enum OnFailure {
    /** Traffic returns to the stable version and the environment to its last known good. */
    @JsonProperty("rollback")
    ROLLBACK,
    /** Hold the rollout where it is for a person to decide. */
    @JsonProperty("pause")
    PAUSE
  }
}
