package dev.sextant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * The inclusion proof of an event's leaf (RFC 9162 §2.1.3): hashing {@code leafHash} up the {@code
 * auditPath} gives {@code rootHash}, the root of the tree of the first {@code treeSize} leaves.
 *
 * @param leafIndex the leaf's index in the tree, {@code sequence - 1}
 * @param leafHash lower-case hex SHA-256 over 0x00 and the entry's RFC 8785 form
 * @param auditPath lower-case hex hashes, from the leaf's sibling up
 * @param head the signed head of size {@code treeSize}, absent when none was signed at that size
 *     (the root is then only the server's word)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerInclusionProof(
    long sequence,
    long leafIndex,
    long treeSize,
    String leafHash,
    List<String> auditPath,
    String rootHash,
    Optional<LedgerHead> head) {}
