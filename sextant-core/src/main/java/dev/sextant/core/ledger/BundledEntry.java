package dev.sextant.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One ledger entry in an evidence bundle: the entry, its RFC 8785 form as text (what its leaf
 * hashes, so a verifier without a JCS library can still hash it), its leaf index ({@code sequence -
 * 1}: events are numbered from 1, leaves from 0) and its inclusion proof against the bundle's head.
 */
public record BundledEntry(
    long leafIndex, LedgerEntry entry, String canonical, List<byte[]> inclusionProof) {
  public BundledEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(canonical, "canonical");
    inclusionProof = inclusionProof.stream().map(byte[]::clone).toList();
  }

  /** The entry at its place in the log, with its proof. */
  public static BundledEntry of(LedgerEntry entry, List<byte[]> inclusionProof) {
    return new BundledEntry(
        entry.sequence() - 1,
        entry,
        new String(entry.canonicalBytes(), StandardCharsets.UTF_8),
        inclusionProof);
  }

  /** The leaf hash of the canonical text as given, which the proof must lead from. */
  public byte[] leafHash() {
    return MerkleHash.leaf(canonical.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public List<byte[]> inclusionProof() {
    return inclusionProof.stream().map(byte[]::clone).toList();
  }
}
