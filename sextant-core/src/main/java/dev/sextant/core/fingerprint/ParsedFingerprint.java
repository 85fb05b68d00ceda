package dev.sextant.core.fingerprint;

import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * A fingerprint read from a file, or every problem that stops it, sorted by position; and warnings
 * (a fact key nobody knows) that stop nothing.
 */
public record ParsedFingerprint(
    Optional<Fingerprint> fingerprint, List<Problem> problems, List<Problem> warnings) {
  public ParsedFingerprint {
    problems = problems.stream().sorted(Problem.ORDER).toList();
    warnings = warnings.stream().sorted(Problem.ORDER).toList();
    if (fingerprint.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("either a fingerprint or problems");
    }
  }

  public ParsedFingerprint(Optional<Fingerprint> fingerprint, List<Problem> problems) {
    this(fingerprint, problems, List.of());
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * The fingerprint.
   *
   * @throws InvalidInputException with every problem, when there were any
   */
  public Fingerprint orThrow() {
    return fingerprint.orElseThrow(() -> new InvalidInputException(problems));
  }
}
