package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One leaf of the ledger: the event's sequence number, its type, subject and actor (absent when the
 * event row is gone), the digests of its inputs by name, and its leaf hash, lower-case hex.
 *
 * @param actor who caused the event: a person's or a token's identity, {@code agent:NAME}, or
 *     {@code system} for the engine's own work
 * @param inputs e.g. {@code release}, {@code fingerprint}, {@code policySet}, {@code plan}, {@code
 *     artifact}, each {@code sha256:<hex>}
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerLogItem(
    long sequence,
    Optional<String> type,
    Optional<String> subject,
    Optional<String> actor,
    Map<String, String> inputs,
    String leafHash) {
  public LedgerLogItem {
    inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(inputs));
  }
}
