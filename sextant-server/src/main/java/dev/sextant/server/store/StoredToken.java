package dev.sextant.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as stored: everything about it but the token, of which only a hash is kept.
 *
 * @param id names the token in lists, events and revocations; it is not the secret
 * @param expires when it stops working; empty when it does not expire
 * @param revoked when and by whom it was revoked; empty while it is in force
 */
public record StoredToken(
    String id,
    String identity,
    String description,
    Instant created,
    String createdBy,
    Optional<Instant> expires,
    Optional<Revocation> revoked) {
  public StoredToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(revoked, "revoked");
  }

  /** Whether the token works at {@code now}: not revoked, not expired. */
  public boolean inForce(Instant now) {
    return revoked.isEmpty() && expires.map(now::isBefore).orElse(true);
  }

  /** Who revoked a token, and when. */
  public record Revocation(Instant at, String by) {}
}
