package dev.sextant.core.fingerprint;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an environment is, as observed once: a flat map of facts sorted by key, grouped in {@link
 * Layer}s by key, plus when it was collected, which environment (or host) it describes, and the
 * signature of whoever collected it.
 *
 * <p>Its {@linkplain #digests() digests} depend on the facts alone, so two collections of an
 * unchanged host have equal digests whatever their times; the signature covers the digest, the time
 * and the environment (see {@link FingerprintSigner}).
 *
 * @param facts by key; copied into an unmodifiable sorted map
 * @param collectedAt when the facts were collected, as data (core reads no clock); empty in a file
 *     written by hand
 * @param environment the name of the Environment described, or a host name; empty when unknown
 * @param signature present once signed
 */
public record Fingerprint(
    SortedMap<String, Fact> facts,
    Optional<Instant> collectedAt,
    Optional<String> environment,
    Optional<FingerprintSignature> signature) {

  public Fingerprint {
    Objects.requireNonNull(facts, "facts");
    SortedMap<String, Fact> copy = new TreeMap<>();
    // Keys are interned: a fleet repeats the same 200 keys in every fingerprint, and a lookup by
    // an interned key is settled by identity, without reading the stored key's characters.
    facts.forEach(
        (key, fact) -> copy.put(FactKeys.check(key).intern(), Objects.requireNonNull(fact, key)));
    facts = Collections.unmodifiableSortedMap(new FactMap(copy));
    collectedAt = Objects.requireNonNullElse(collectedAt, Optional.empty());
    environment = Objects.requireNonNullElse(environment, Optional.empty());
    environment.ifPresent(Fingerprint::checkEnvironment);
    signature = Objects.requireNonNullElse(signature, Optional.empty());
  }

  /** An unsigned fingerprint of these facts, with no time or environment yet. */
  public static Fingerprint of(Map<String, ? extends Fact> facts) {
    return new Fingerprint(
        new TreeMap<>(facts), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public Optional<Fact> fact(String key) {
    return Optional.ofNullable(facts.get(key));
  }

  /** The facts of one layer, sorted by key; empty when the layer has none. */
  public SortedMap<String, Fact> layer(Layer layer) {
    SortedMap<String, Fact> out = new TreeMap<>();
    facts.forEach(
        (key, fact) -> {
          if (Layer.of(key) == layer) {
            out.put(key, fact);
          }
        });
    return Collections.unmodifiableSortedMap(out);
  }

  /** Every layer's facts, each layer present even when empty. */
  public Map<Layer, SortedMap<String, Fact>> layers() {
    Map<Layer, SortedMap<String, Fact>> out = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      out.put(layer, layer(layer));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The layer digests and the whole digest, computed on each call: keep the result. */
  public FingerprintDigests digests() {
    return FingerprintDigests.of(this);
  }

  /** The same fingerprint with one fact set (added or replaced), unsigned: its content changed. */
  public Fingerprint with(String key, Fact fact) {
    SortedMap<String, Fact> next = new TreeMap<>(facts);
    next.put(key, fact);
    return new Fingerprint(next, collectedAt, environment, Optional.empty());
  }

  /** The same fingerprint without one fact, unsigned. */
  public Fingerprint without(String key) {
    SortedMap<String, Fact> next = new TreeMap<>(facts);
    next.remove(key);
    return new Fingerprint(next, collectedAt, environment, Optional.empty());
  }

  /** Stamped with its collection time, unsigned (the signature covers the time). */
  public Fingerprint collectedAt(Instant time) {
    return new Fingerprint(facts, Optional.of(time), environment, Optional.empty());
  }

  /** Stamped with the environment (or host) it describes, unsigned. */
  public Fingerprint describing(String environment) {
    return new Fingerprint(facts, collectedAt, Optional.of(environment), Optional.empty());
  }

  public Fingerprint signed(FingerprintSignature signature) {
    return new Fingerprint(facts, collectedAt, environment, Optional.of(signature));
  }

  public Fingerprint unsigned() {
    return new Fingerprint(facts, collectedAt, environment, Optional.empty());
  }

  /** An environment or host name: 1 to 253 characters, no white space. */
  static void checkEnvironment(String name) {
    if (name.isBlank()
        || name.length() > 253
        || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "\""
              + name
              + "\" is not an environment or host name; expected 1 to 253 characters without white space");
    }
  }
}
