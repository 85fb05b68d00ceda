package dev.sextant.core.approval;

import java.util.Objects;

/**
 * Why an approval is not taken, and what to do instead.
 *
 * @param message what was refused, why, and what to do; never a token
 */
public record ApprovalRefusal(Reason reason, String message) {
  public ApprovalRefusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The reasons, in the order they are asked. */
  public enum Reason {
    NOTHING_TO_APPROVE(Kind.CONFLICT),
    OWN_REQUEST(Kind.FORBIDDEN),
    NOT_AN_APPROVER(Kind.FORBIDDEN),
    NOT_NAMED(Kind.FORBIDDEN),
    CHANGED_PLAN(Kind.CONFLICT);

    private final Kind kind;

    Reason(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /**
   * Whether the person may not approve (asking again will not help), or the plan's state does not
   * allow it (reading the plan again may).
   */
  public enum Kind {
    FORBIDDEN,
    CONFLICT
  }
}
