package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The consistency proof (RFC 9162 §2.1.4) that the tree of the first {@code from} leaves, of root
 * {@code fromRoot}, is a prefix of the tree of the first {@code to}, of root {@code toRoot}: the
 * log only grew between them.
 *
 * @param path lower-case hex hashes, as RFC 9162 orders them
 * @param fromHead the signed head of size {@code from}, when one was signed at that size
 * @param toHead the signed head of size {@code to}, when one was signed at that size
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerConsistencyProof(
    long from,
    long to,
    String fromRoot,
    String toRoot,
    List<String> path,
    Optional<LedgerHead> fromHead,
    Optional<LedgerHead> toHead) {}
