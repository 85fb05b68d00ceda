package dev.sextant.server.store;

import dev.sextant.core.access.Role;
import dev.sextant.core.digest.Digest;
import java.time.Instant;
import java.util.Set;

/**
 * An approval of a plan: who, the digest of the plan they read, the roles they held in its
 * environment then, and until when it counts.
 */
public record StoredApproval(
    long plan, String approver, Digest digest, Set<Role> roles, Instant approved, Instant expires) {
  public StoredApproval {
    roles = Set.copyOf(roles);
  }
}
