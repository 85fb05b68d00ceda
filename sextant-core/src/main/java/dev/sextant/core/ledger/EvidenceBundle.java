package dev.sextant.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an auditor is handed about a rollout, a release or an environment: the ledger entries of the
 * selection, each with its inclusion proof against one signed tree head, the digests of every input
 * the entries name, the sequence numbers of the approvals and analysis results among them, and an
 * Ed25519 signature by the ledger's key over the whole. The proofs show each entry is in the log
 * the head signs; the bundle's own signature covers what proofs cannot, such as the selection it
 * claims to be. {@link EvidenceBundleJson} defines the file; {@link BundleVerifier} checks one with
 * only the ledger's public key.
 *
 * @param selection what was selected: one of {@code rollout}, {@code release} or {@code
 *     environment} with its name, and {@code since} and {@code until} when a window was given
 */
public record EvidenceBundle(
    SortedMap<String, String> selection,
    SignedTreeHead treeHead,
    List<BundledEntry> entries,
    List<BundledInput> inputs,
    List<Long> approvals,
    List<Long> analyses,
    byte[] signature) {
  public static final String API_VERSION = "sextant.dev/v1";
  public static final String KIND = "EvidenceBundle";

  /** Event types that record an approval, granted or refused. */
  public static final Set<String> APPROVAL_TYPES = Set.of("plan.approved", "approval.refused");

  /** Event types that record an analysis result. */
  public static final Set<String> ANALYSIS_TYPES = Set.of("rollout.measured", "rollout.judged");

  // Prefixed so that a signature over a bundle can never pass for one over a tree head.
  private static final byte[] CONTEXT =
      "sextant.dev/evidence-bundle\n".getBytes(StandardCharsets.UTF_8);
  private static final String ALGORITHM = "Ed25519";

  public EvidenceBundle {
    selection = Collections.unmodifiableSortedMap(new TreeMap<>(selection));
    Objects.requireNonNull(treeHead, "treeHead");
    entries = List.copyOf(entries);
    inputs = List.copyOf(inputs);
    approvals = List.copyOf(approvals);
    analyses = List.copyOf(analyses);
    signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** The bundle of these entries under that head, its lists derived and signed with the key. */
  public static EvidenceBundle sign(
      SortedMap<String, String> selection,
      SignedTreeHead treeHead,
      List<BundledEntry> entries,
      PrivateKey key) {
    EvidenceBundle unsigned =
        new EvidenceBundle(
            selection,
            treeHead,
            entries,
            inputsOf(entries),
            sequencesOf(entries, APPROVAL_TYPES),
            sequencesOf(entries, ANALYSIS_TYPES),
            new byte[0]);
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(unsigned.signedBytes());
      return new EvidenceBundle(
          selection,
          treeHead,
          entries,
          unsigned.inputs,
          unsigned.approvals,
          unsigned.analyses,
          signer.sign());
    } catch (InvalidKeyException e) {
      throw new LedgerException("the key given to sign a bundle is not an Ed25519 private key", e);
    } catch (SignatureException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK signs with Ed25519 since Java 15", e);
    }
  }

  /** Every input the entries name, once, ordered by name and digest. */
  public static List<BundledInput> inputsOf(List<BundledEntry> entries) {
    TreeSet<BundledInput> inputs = new TreeSet<>();
    for (BundledEntry bundled : entries) {
      bundled
          .entry()
          .inputs()
          .forEach((name, digest) -> inputs.add(new BundledInput(name, digest)));
    }
    return List.copyOf(inputs);
  }

  /** The sequence numbers of the entries of these types, in order. */
  public static List<Long> sequencesOf(List<BundledEntry> entries, Set<String> types) {
    return entries.stream()
        .map(BundledEntry::entry)
        .filter(entry -> types.contains(entry.type()))
        .map(LedgerEntry::sequence)
        .toList();
  }

  /** The bytes the bundle's signature covers: a context line, then the JCS of all but it. */
  public byte[] signedBytes() {
    byte[] body = Jcs.canonical(EvidenceBundleJson.unsigned(this));
    byte[] signed = new byte[CONTEXT.length + body.length];
    System.arraycopy(CONTEXT, 0, signed, 0, CONTEXT.length);
    System.arraycopy(body, 0, signed, CONTEXT.length, body.length);
    return signed;
  }

  /** Whether the signature is this key's over this bundle. */
  public boolean signatureVerifiesWith(PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedBytes());
      return verifier.verify(signature);
    } catch (InvalidKeyException e) {
      throw new LedgerException("the key given is not an Ed25519 public key", e);
    } catch (SignatureException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK verifies Ed25519 since Java 15", e);
    }
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
