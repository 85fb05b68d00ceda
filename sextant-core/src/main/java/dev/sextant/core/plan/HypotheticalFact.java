package dev.sextant.core.plan;

import dev.sextant.core.fingerprint.Fact;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact a what-if changed in one environment: set by the what-if itself, or derived from one it
 * set, as a probe would have derived it ({@code cuda.driver.max} from {@code gpu.driver.version}).
 *
 * @param today the value in the environment's fingerprint
 * @param whatIf the supposed value; empty when a derived fact no longer has one (a driver too old
 *     for any CUDA release in NVIDIA's table)
 * @param derivedFrom the fact it follows from; empty for a fact the what-if set
 */
public record HypotheticalFact(
    String key, Fact today, Optional<Fact> whatIf, Optional<String> derivedFrom) {
  public HypotheticalFact {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(today, "today");
    whatIf = Objects.requireNonNullElse(whatIf, Optional.empty());
    derivedFrom = Objects.requireNonNullElse(derivedFrom, Optional.empty());
  }

  /** {@code cuda.driver.max 12.4 → 12.2 (from gpu.driver.version)}, for people. */
  public String describe() {
    return key
        + " "
        + today.display()
        + " → "
        + whatIf.map(Fact::display).orElse("(none)")
        + derivedFrom.map(from -> " (from " + from + ")").orElse("");
  }
}
