package dev.sextant.server.ledger;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;
import java.util.Objects;

/**
 * A proof or an evidence bundle the ledger cannot give: a sequence or size outside the log (the
 * message says the valid range), nothing to prove or bundle, or a ledger that no longer verifies,
 * for which any proof would be a lie.
 */
public final class EvidenceRefusal extends RuntimeException implements Failure {
  /** Why, in the terms of the answer it becomes. */
  public enum Reason {
    /** A sequence number or tree size outside what the log holds (400). */
    OUT_OF_RANGE,
    /** No head to prove against, or a selection with no entry (404). */
    NOT_FOUND,
    /** The stored leaves or events do not verify, so no honest proof exists (409). */
    LEDGER_DAMAGED
  }

  private final Reason reason;

  public EvidenceRefusal(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public ProblemKind kind() {
    return switch (reason) {
      case OUT_OF_RANGE -> ProblemKind.INVALID;
      case NOT_FOUND -> ProblemKind.NOT_FOUND;
      case LEDGER_DAMAGED -> ProblemKind.CONFLICT;
    };
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
