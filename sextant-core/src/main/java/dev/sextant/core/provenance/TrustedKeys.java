package dev.sextant.core.provenance;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys whose signatures are believed, each under a key id. Keys added without an id get
 * {@link PublicKeys#id}; an id given with a key (as the DSSE vectors name theirs {@code A} and
 * {@code B}) is kept as given. Immutable: {@link #trust} returns a new set.
 */
public final class TrustedKeys {
  private static final TrustedKeys NONE = new TrustedKeys(Map.of());

  private final Map<String, PublicKey> keys;

  private TrustedKeys(Map<String, PublicKey> keys) {
    this.keys = Collections.unmodifiableMap(keys);
  }

  public static TrustedKeys none() {
    return NONE;
  }

  /**
   * @throws UnusableKeyException when a key is neither Ed25519 nor ECDSA P-256
   */
  public static TrustedKeys of(Map<String, PublicKey> keys) {
    TrustedKeys trusted = NONE;
    for (Map.Entry<String, PublicKey> entry : keys.entrySet()) {
      trusted = trusted.trust(entry.getKey(), entry.getValue());
    }
    return trusted;
  }

  /** These keys and {@code key}, under its conventional id. */
  public TrustedKeys trust(PublicKey key) {
    return trust(PublicKeys.id(key), key);
  }

  /**
   * These keys and {@code key} under {@code keyId}.
   *
   * @throws IllegalArgumentException when the id already names another key, or the key is already
   *     trusted under another id
   * @throws UnusableKeyException when the key is neither Ed25519 nor ECDSA P-256
   */
  public TrustedKeys trust(String keyId, PublicKey key) {
    Objects.requireNonNull(keyId, "keyId");
    PublicKeys.requireSupported(key);
    if (keyId.isEmpty()) {
      throw new IllegalArgumentException("a trusted key's id is not empty");
    }
    PublicKey known = keys.get(keyId);
    if (known != null && !Arrays.equals(known.getEncoded(), key.getEncoded())) {
      throw new IllegalArgumentException("key id " + keyId + " already names another trusted key");
    }
    for (Map.Entry<String, PublicKey> entry : keys.entrySet()) {
      if (!entry.getKey().equals(keyId)
          && Arrays.equals(entry.getValue().getEncoded(), key.getEncoded())) {
        // one key under two ids would count twice towards a threshold
        throw new IllegalArgumentException(
            "key " + keyId + " is already trusted as " + entry.getKey());
      }
    }
    Map<String, PublicKey> more = new LinkedHashMap<>(keys);
    more.put(keyId, key);
    return new TrustedKeys(more);
  }

  public Optional<PublicKey> get(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** The ids, in the order the keys were trusted. */
  public Set<String> ids() {
    return keys.keySet();
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keys.keySet();
  }
}
