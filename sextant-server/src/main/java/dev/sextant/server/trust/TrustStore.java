package dev.sextant.server.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ProblemKind;
import dev.sextant.core.access.Permission;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.ledger.Jcs;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.provenance.UnusableKeyException;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.KeyRevoked;
import dev.sextant.server.store.KeyTrusted;
import dev.sextant.server.store.StoredKey;
import dev.sextant.server.store.Transaction;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public keys whose signatures policies believe: on signed resources, on fingerprints, on
 * provenance envelopes. Trusting a key is idempotent; a revoked key stays listed, revoked, and is
 * never trusted again under its id (a key that was revoked is assumed lost). Each change appends
 * its event in its transaction.
 */
public final class TrustStore {
  private static final Pattern PREFIX = Pattern.compile("[0-9a-f]{8,64}");
  private static final int MAX_NAME = 255;

  private final Database database;

  public TrustStore(Database database) {
    this.database = database;
  }

  /** A key as trusted now, and whether this call added it. */
  public record Trusted(StoredKey key, boolean added) {}

  /**
   * Trusts a public key.
   *
   * @param name a note for people; the id's first 16 hex digits when empty
   * @throws AccessRefusal forbidden unless {@code by} administers every environment; invalid for
   *     text that is not an Ed25519 or ECDSA P-256 PEM public key, or a name over 255 characters;
   *     conflict for a key that was revoked
   */
  public Trusted trust(Principal by, String pem, Optional<String> name) {
    by.requireEverywhere(Permission.ADMINISTER);
    PublicKey key;
    try {
      key = PublicKeys.fromPem(pem);
    } catch (UnusableKeyException e) {
      throw new AccessRefusal(ProblemKind.INVALID, "publicKey: " + e.getMessage());
    }
    String id = PublicKeys.id(key);
    String label = name.map(String::strip).filter(n -> !n.isEmpty()).orElse(id.substring(0, 16));
    if (label.length() > MAX_NAME || label.chars().anyMatch(Character::isISOControl)) {
      throw new AccessRefusal(
          ProblemKind.INVALID, "name: expected at most " + MAX_NAME + " characters on one line");
    }
    String algorithm = key instanceof EdECPublicKey ? "ed25519" : "ecdsa-p256";
    return database.write(
        "trust key " + id,
        tx -> {
          Optional<StoredKey> known = tx.trust().key(id);
          if (known.isPresent()) {
            StoredKey stored = known.get();
            if (!stored.active()) {
              StoredKey.Revocation revoked = stored.revoked().orElseThrow();
              throw new AccessRefusal(
                  ProblemKind.CONFLICT,
                  "key "
                      + id
                      + " was revoked at "
                      + revoked.at()
                      + " by "
                      + revoked.by()
                      + "; a revoked key is not trusted again: generate a new key pair");
            }
            return new Trusted(stored, false);
          }
          StoredKey added = tx.trust().add(id, label, algorithm, PublicKeys.toPem(key), by.name());
          tx.events().append(new KeyTrusted(id, label, algorithm, by.name()));
          return new Trusted(added, true);
        });
  }

  /**
   * Every key, revoked ones too, oldest first.
   *
   * @throws AccessRefusal forbidden unless {@code by} may read every environment
   */
  public List<StoredKey> keys(Principal by) {
    by.requireEverywhere(Permission.READ);
    return database.read("list trusted keys", tx -> tx.trust().keys());
  }

  /**
   * Revokes a key named by its id or an unambiguous prefix of at least 8 hex digits; revoking a
   * revoked key changes nothing.
   *
   * @throws AccessRefusal forbidden unless {@code by} administers every environment; invalid for a
   *     malformed id; not found for none; conflict for a prefix of several keys
   */
  public StoredKey revoke(Principal by, String idOrPrefix) {
    by.requireEverywhere(Permission.ADMINISTER);
    if (!PREFIX.matcher(idOrPrefix).matches()) {
      throw new AccessRefusal(
          ProblemKind.INVALID,
          "a key id is 8 to 64 lower-case hex digits, as 'sextant keys list' shows them");
    }
    return database.write(
        "revoke key " + idOrPrefix,
        tx -> {
          StoredKey key = unique(tx, idOrPrefix);
          if (!key.active()) {
            return key;
          }
          tx.trust().revoke(key.id(), by.name());
          tx.events().append(new KeyRevoked(key.id(), key.name(), by.name()));
          return tx.trust().key(key.id()).orElseThrow();
        });
  }

  /** The keys trusted now (revoked ones left out), as signatures and provenance are checked. */
  public TrustedKeys trusted() {
    return database.read("read the trusted keys", TrustStore::trusted);
  }

  /**
   * The digest of the set of keys trusted now: sha256 over the RFC 8785 canonical JSON of their ids
   * in order, a plan input, since the same plan made under other keys may decide otherwise.
   */
  public Digest digest() {
    return digest(trusted());
  }

  /** As {@link #digest()}, of a given set. */
  public static Digest digest(TrustedKeys keys) {
    ArrayNode ids = JsonNodeFactory.instance.arrayNode();
    keys.ids().stream().sorted().forEach(ids::add);
    return Digest.sha256(Jcs.canonical(ids));
  }

  private static TrustedKeys trusted(Transaction tx) {
    return of(active(tx));
  }

  /** The keys trusted now, as stored. */
  public static List<StoredKey> active(Transaction tx) {
    return tx.trust().keys().stream().filter(StoredKey::active).toList();
  }

  /** These stored keys, every one of them trusted under its id. */
  public static TrustedKeys of(List<StoredKey> stored) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (StoredKey key : stored) {
      keys.put(key.id(), PublicKeys.fromPem(key.publicKey()));
    }
    return TrustedKeys.of(keys);
  }

  private static StoredKey unique(Transaction tx, String idOrPrefix) {
    List<StoredKey> matches = tx.trust().byPrefix(idOrPrefix);
    if (matches.isEmpty()) {
      throw new AccessRefusal(
          ProblemKind.NOT_FOUND,
          "no trusted key " + idOrPrefix + " ('sextant keys list' shows them)");
    }
    if (matches.size() > 1) {
      throw new AccessRefusal(
          ProblemKind.CONFLICT,
          "key id prefix "
              + idOrPrefix
              + " names "
              + matches.size()
              + " keys: "
              + String.join(", ", matches.stream().map(StoredKey::id).toList())
              + "; give more digits");
    }
    return matches.get(0);
  }
}
