package dev.sextant.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tree head signed with Ed25519: the log had {@code treeSize} entries and this root at {@code
 * timestamp}. The signed bytes are a C2SP tlog-checkpoint body (origin, size, root, then one
 * extension line with the time), each line ending in a newline:
 *
 * <pre>
 * sextant.dev/ledger
 * 42
 * &lt;standard base64 of the 32-byte root, with padding&gt;
 * 2026-12-06T20:37:00Z
 * </pre>
 *
 * Text rather than a JSON object because a person can read it, a verifier needs no JSON library,
 * and checkpoint tools already know the layout; the origin line keeps the signature from being
 * replayed as another log's head. The key id is not signed: it only tells a verifier which trusted
 * key to try. Timestamps are canonical UTC instants, as in {@link LedgerEntry}.
 */
public record SignedTreeHead(
    long treeSize, byte[] rootHash, String timestamp, String keyId, byte[] signature) {
  public static final String ORIGIN = "sextant.dev/ledger";
  private static final String ALGORITHM = "Ed25519";

  public SignedTreeHead {
    if (treeSize < 0) {
      throw new LedgerException("tree size " + treeSize + " is negative");
    }
    rootHash = rootHash(rootHash);
    LedgerEntry.requireCanonicalInstant(timestamp, "tree head timestamp");
    if (keyId == null || keyId.isBlank()) {
      throw new LedgerException("tree head key id is missing: expected non-blank text");
    }
    signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** Signs the head with the caller's Ed25519 key; keys are kept elsewhere. */
  public static SignedTreeHead sign(
      long treeSize, byte[] rootHash, String timestamp, String keyId, PrivateKey key) {
    byte[] body = signedBytes(treeSize, rootHash(rootHash), timestamp);
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(body);
      return new SignedTreeHead(treeSize, rootHash, timestamp, keyId, signer.sign());
    } catch (InvalidKeyException e) {
      throw new LedgerException("key " + keyId + " is not an Ed25519 private key", e);
    } catch (SignatureException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK signs with Ed25519 since Java 15", e);
    }
  }

  /** The exact bytes the signature covers (see the class comment). */
  public static byte[] signedBytes(long treeSize, byte[] rootHash, String timestamp) {
    String body =
        ORIGIN
            + "\n"
            + treeSize
            + "\n"
            + Base64.getEncoder().encodeToString(rootHash)
            + "\n"
            + timestamp
            + "\n";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  public byte[] signedBytes() {
    return signedBytes(treeSize, rootHash, timestamp);
  }

  /** Whether the signature is this key's over this head; false for a forged or changed head. */
  public boolean verifiesWith(PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedBytes());
      return verifier.verify(signature);
    } catch (InvalidKeyException e) {
      throw new LedgerException("the key given for " + keyId + " is not an Ed25519 public key", e);
    } catch (SignatureException e) {
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK verifies Ed25519 since Java 15", e);
    }
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedTreeHead head
        && treeSize == head.treeSize
        && Arrays.equals(rootHash, head.rootHash)
        && timestamp.equals(head.timestamp)
        && keyId.equals(head.keyId)
        && Arrays.equals(signature, head.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        treeSize, Arrays.hashCode(rootHash), timestamp, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedTreeHead[treeSize="
        + treeSize
        + ", rootHash="
        + HexFormat.of().formatHex(rootHash)
        + ", timestamp="
        + timestamp
        + ", keyId="
        + keyId
        + "]";
  }

  private static byte[] rootHash(byte[] rootHash) {
    Objects.requireNonNull(rootHash, "rootHash");
    if (rootHash.length != MerkleHash.SIZE) {
      throw new LedgerException(
          "tree head root has " + rootHash.length + " bytes, expected " + MerkleHash.SIZE);
    }
    return rootHash.clone();
  }
}
