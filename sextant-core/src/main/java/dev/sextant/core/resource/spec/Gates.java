package dev.sextant.core.resource.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What must hold before a release enters a stage: an approval, analysis of the previous stage's
 * deployment, and a soak time there.
 */
public record Gates(boolean approval, List<String> analysis, Optional<Duration> soak) {
  /** No gate: promotion is immediate. */
  public static final Gates NONE = new Gates(false, List.of(), Optional.empty());

  public Gates {
    analysis = Defaults.list(analysis);
    soak = Defaults.optional(soak);
  }
}
