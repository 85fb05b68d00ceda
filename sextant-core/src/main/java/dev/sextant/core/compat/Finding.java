package dev.sextant.core.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one requirement concluded for one environment, in words a person can check: the facts it
 * read, what it required, what it observed and why it is or is not met.
 *
 * @param met whether the requirement holds
 * @param facts the fact keys consulted, in the order they mattered
 * @param required what was needed, e.g. {@code CUDA 12.4 (driver ≥ 550.54.14)}
 * @param observed what the environment has, e.g. {@code driver 535.104.05, CUDA ≤ 12.2}; {@code
 *     absent} when a fact is missing
 * @param reason one sentence saying why the requirement is or is not met
 * @param caveats what the user should know even though the requirement is met (for example the
 *     limits of CUDA minor-version compatibility)
 * @param requiredValue {@code required} as a typed value, where it is one value
 * @param observedValue {@code observed} as a typed value, where the environment has one value to
 *     compare
 */
public record Finding(
    boolean met,
    List<String> facts,
    String required,
    String observed,
    String reason,
    List<String> caveats,
    Optional<Value> requiredValue,
    Optional<Value> observedValue) {

  /** What {@link #observed} says for a fact the environment does not have. */
  public static final String ABSENT = "absent";

  public Finding {
    facts = List.copyOf(facts);
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(reason, "reason");
    caveats = List.copyOf(caveats);
    Objects.requireNonNull(requiredValue, "requiredValue");
    Objects.requireNonNull(observedValue, "observedValue");
  }

  /** A finding in words only. */
  public Finding(
      boolean met,
      List<String> facts,
      String required,
      String observed,
      String reason,
      List<String> caveats) {
    this(met, facts, required, observed, reason, caveats, Optional.empty(), Optional.empty());
  }

  public static Finding met(List<String> facts, String required, String observed, String reason) {
    return new Finding(true, facts, required, observed, reason, List.of());
  }

  public static Finding notMet(
      List<String> facts, String required, String observed, String reason) {
    return new Finding(false, facts, required, observed, reason, List.of());
  }

  /** The same finding with one more caveat. */
  public Finding withCaveat(String caveat) {
    List<String> more = new ArrayList<>(caveats);
    more.add(Objects.requireNonNull(caveat, "caveat"));
    return new Finding(met, facts, required, observed, reason, more, requiredValue, observedValue);
  }

  /** The same finding with what it required as a typed value. */
  public Finding withRequired(Value value) {
    return new Finding(
        met, facts, required, observed, reason, caveats, Optional.of(value), observedValue);
  }

  /** The same finding with what it observed as a typed value. */
  public Finding withObserved(Value value) {
    return new Finding(
        met, facts, required, observed, reason, caveats, requiredValue, Optional.of(value));
  }
}
