package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Who observes an environment's fingerprint, and how often. */
public record Discovery(Source source, Optional<Duration> interval) {
  public Discovery {
    Objects.requireNonNull(source, "source");
    interval = Defaults.optional(interval);
  }

  /** Where a fingerprint comes from. */
  public enum Source {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("kubernetes")
    KUBERNETES,
    /** Declared facts only. */
    @JsonProperty("none")
    NONE
  }
}
