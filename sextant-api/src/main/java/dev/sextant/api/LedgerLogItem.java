package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * One leaf of the ledger: the event's sequence number, its type and subject (absent when the event
 * row is gone) and its leaf hash, lower-case hex.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerLogItem(
    long sequence, Optional<String> type, Optional<String> subject, String leafHash) {}
