package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * What verifying the ledger against the events as they are now found: how many events and signed
 * heads were checked and, when it does not verify, the first bad entry.
 *
 * @param firstBadSequence the first bad entry's sequence number; for a tree head that no longer
 *     matches, the first entry that head alone covers
 * @param problem {@code edited}, {@code deleted}, {@code inserted}, {@code reordered}, {@code
 *     head-mismatch} or {@code bad-signature}
 * @param explanation what was found there, in words
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerCheck(
    boolean verified,
    long entries,
    long heads,
    Optional<Long> firstBadSequence,
    Optional<String> problem,
    Optional<String> explanation) {}
