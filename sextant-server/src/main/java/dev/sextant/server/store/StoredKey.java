package dev.sextant.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key in the trust store.
 *
 * @param id the hex SHA-256 of the key's DER SubjectPublicKeyInfo
 * @param algorithm {@code ed25519} or {@code ecdsa-p256}
 * @param publicKey the key as a PEM block
 * @param revoked when and by whom it stopped being trusted; empty while it is trusted
 */
public record StoredKey(
    String id,
    String name,
    String algorithm,
    String publicKey,
    Instant added,
    String addedBy,
    Optional<Revocation> revoked) {

  public StoredKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(added, "added");
    Objects.requireNonNull(addedBy, "addedBy");
    Objects.requireNonNull(revoked, "revoked");
  }

  public boolean active() {
    return revoked.isEmpty();
  }

  public record Revocation(Instant at, String by) {}
}
