package dev.sextant.core.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One event of the ledger, as it is hashed into the log. Its leaf is {@code SHA-256(0x00 ‖
 * JCS(entry))}, where JCS (RFC 8785) is applied to this JSON object:
 *
 * <pre>{@code
 * {
 *   "sequence": 42,                      // the event's place in commit order, 0 to 2^53-1
 *   "type": "RolloutStarted",            // the event's type
 *   "subject": "rollout/r-7",            // what the event is about
 *   "actor": "alice",                    // who caused it ("system" for the engine)
 *   "at": "2026-12-06T20:37:00.123Z",    // when, a UTC instant (see below)
 *   "inputs": {"plan": "sha256:<hex>"},  // input name to its sha256 digest, OCI notation
 *   "payload": {}                        // the event's own fields, any JSON
 * }
 * }</pre>
 *
 * Every member is always present ({@code inputs} may be {@code {}}); {@code sequence} is a number,
 * the others but {@code inputs} and {@code payload} are strings. {@code at} is ISO 8601 in UTC with
 * a {@code Z}, seconds always written, and a fraction only when non-zero, in 3, 6 or 9 digits
 * ({@code Instant.toString}'s form), so one instant has one spelling. Input names are, by
 * convention, {@code release}, {@code fingerprint}, {@code policySet}, {@code plan} and {@code
 * artifact}. Numbers in the payload are JCS numbers (IEEE 754 doubles).
 */
public record LedgerEntry(
    long sequence,
    String type,
    String subject,
    String actor,
    String at,
    SortedMap<String, Digest> inputs,
    JsonNode payload) {
  /** The largest integer an IEEE 754 double, and so JCS, holds exactly. */
  public static final long MAX_SEQUENCE = (1L << 53) - 1;

  public LedgerEntry {
    if (sequence < 0 || sequence > MAX_SEQUENCE) {
      throw new LedgerException(
          "entry sequence " + sequence + " is out of range: expected 0 to " + MAX_SEQUENCE);
    }
    requireText(type, "type");
    requireText(subject, "subject");
    requireText(actor, "actor");
    requireCanonicalInstant(at, "entry " + sequence + " at");
    Objects.requireNonNull(inputs, "inputs");
    inputs.forEach(
        (name, digest) -> {
          requireText(name, "input name");
          Objects.requireNonNull(digest, "digest of input " + name);
        });
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  /** The entry's RFC 8785 bytes, the input of its leaf hash. */
  public byte[] canonicalBytes() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("sequence", sequence);
    json.put("type", type);
    json.put("subject", subject);
    json.put("actor", actor);
    json.put("at", at);
    ObjectNode inputDigests = json.putObject("inputs");
    for (Map.Entry<String, Digest> input : inputs.entrySet()) {
      inputDigests.put(input.getKey(), input.getValue().value());
    }
    // Only read while written out, so the record's own payload serves without a copy.
    json.set("payload", payload);
    return Jcs.canonical(json);
  }

  public byte[] leafHash() {
    return MerkleHash.leaf(canonicalBytes());
  }

  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  static void requireCanonicalInstant(String at, String field) {
    Objects.requireNonNull(at, field);
    if (InstantText.isCanonical(at)) {
      return;
    }
    throw new LedgerException(
        field
            + " is '"
            + at
            + "': expected a UTC instant as Instant.toString writes it,"
            + " such as 2026-12-06T20:37:00Z");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new LedgerException("entry " + field + " is missing: expected non-blank text");
    }
  }
}
