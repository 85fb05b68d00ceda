package dev.sextant.core.ledger;

import dev.sextant.core.provenance.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Checks an evidence bundle with nothing but the ledger's public key: the tree head is the key's,
 * every entry's canonical text is the RFC 8785 form of the entry beside it, every entry's leaf
 * leads by its inclusion proof to the head's root, the entries lie in the selection's time window,
 * the lists of inputs, approvals and analyses are what the entries say, and the key signed the
 * whole. Checks run in that order and stop at the first that fails, so the verdict names the first
 * bad entry rather than only the bundle's signature.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  public static BundleVerdict verify(EvidenceBundle bundle, PublicKey key) {
    SignedTreeHead head = bundle.treeHead();
    return new BundleVerdict(
        bundle.entries().size(), head.treeSize(), firstFailure(bundle, key, head));
  }

  private static Optional<BundleVerdict.Failure> firstFailure(
      EvidenceBundle bundle, PublicKey key, SignedTreeHead head) {
    String keyId = PublicKeys.id(key);
    if (!head.keyId().equals(keyId)) {
      return fail("tree head", "it names key " + head.keyId() + ", but the key given is " + keyId);
    }
    if (!head.verifiesWith(key)) {
      return fail("tree head", "its signature is not the key's over its size, root and time");
    }
    if (bundle.entries().isEmpty()) {
      return fail("entries", "the bundle holds no entry");
    }
    Optional<Window> window = Window.of(bundle.selection());
    if (window.isEmpty()) {
      return fail("selection", "since and until must be UTC instants, since before until");
    }
    long previous = 0;
    for (BundledEntry bundled : bundle.entries()) {
      Optional<String> problem = check(bundled, head, window.get(), previous);
      if (problem.isPresent()) {
        return fail("entry " + bundled.entry().sequence(), problem.get());
      }
      previous = bundled.entry().sequence();
    }
    List<BundledEntry> entries = bundle.entries();
    if (!bundle.inputs().equals(EvidenceBundle.inputsOf(entries))) {
      return fail("inputs", "the list of input digests is not the inputs the entries name");
    }
    if (!bundle
        .approvals()
        .equals(EvidenceBundle.sequencesOf(entries, EvidenceBundle.APPROVAL_TYPES))) {
      return fail("approvals", "the list is not the entries of an approval type");
    }
    if (!bundle
        .analyses()
        .equals(EvidenceBundle.sequencesOf(entries, EvidenceBundle.ANALYSIS_TYPES))) {
      return fail("analyses", "the list is not the entries of an analysis type");
    }
    if (!bundle.signatureVerifiesWith(key)) {
      return fail("signature", "the bundle's signature is not the key's over its contents");
    }
    return Optional.empty();
  }

  private static Optional<String> check(
      BundledEntry bundled, SignedTreeHead head, Window window, long previous) {
    LedgerEntry entry = bundled.entry();
    if (entry.sequence() <= previous) {
      return Optional.of("entries are not in increasing sequence order (after " + previous + ")");
    }
    if (!Arrays.equals(
        entry.canonicalBytes(), bundled.canonical().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("its canonical text is not the RFC 8785 form of the entry");
    }
    if (bundled.leafIndex() != entry.sequence() - 1) {
      return Optional.of(
          "its leaf index is " + bundled.leafIndex() + ", expected " + (entry.sequence() - 1));
    }
    ProofVerdict proof =
        ProofVerifier.inclusion(
            bundled.leafIndex(),
            head.treeSize(),
            bundled.leafHash(),
            bundled.inclusionProof(),
            head.rootHash());
    if (!proof.valid()) {
      return Optional.of("its inclusion proof fails: " + proof.reason());
    }
    if (!window.holds(Instant.parse(entry.at()))) {
      return Optional.of("its time " + entry.at() + " is outside the selection's window");
    }
    return Optional.empty();
  }

  private static Optional<BundleVerdict.Failure> fail(String where, String reason) {
    return Optional.of(new BundleVerdict.Failure(where, reason));
  }

  /** The selection's time window: since inclusive, until exclusive, either open. */
  private record Window(Instant since, Instant until) {
    static Optional<Window> of(SortedMap<String, String> selection) {
      try {
        Instant since =
            selection.containsKey("since") ? Instant.parse(selection.get("since")) : Instant.MIN;
        Instant until =
            selection.containsKey("until") ? Instant.parse(selection.get("until")) : Instant.MAX;
        return since.isBefore(until) ? Optional.of(new Window(since, until)) : Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }

    boolean holds(Instant at) {
      return !at.isBefore(since) && at.isBefore(until);
    }
  }
}
