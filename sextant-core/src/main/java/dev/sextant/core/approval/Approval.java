package dev.sextant.core.approval;

import dev.sextant.core.access.Permission;
import dev.sextant.core.access.Role;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An approval as stored. The roles are those held when approving, so that a later change of grants
 * neither adds approvals nobody gave nor takes back ones given in good standing.
 *
 * @param approver who approved
 * @param roles the roles they held in the plan's environment when approving
 * @param plan the digest of the plan they approved
 * @param at when they approved
 * @param expires from when it no longer counts
 */
public record Approval(String approver, Set<Role> roles, Digest plan, Instant at, Instant expires) {
  public Approval {
    Objects.requireNonNull(approver, "approver");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(expires, "expires");
    if (!expires.isAfter(at)) {
      throw new IllegalArgumentException(
          "an approval by " + approver + " expires at " + expires + ", not after " + at);
    }
  }

  /** Whether a role recorded with the approval permits approving. */
  public boolean heldApprove() {
    return roles.stream().anyMatch(r -> r.permits(Permission.APPROVE));
  }

  /** Whether it still counts at {@code now}: an approval is void from the instant it expires. */
  public boolean liveAt(Instant now) {
    return now.isBefore(expires);
  }
}
