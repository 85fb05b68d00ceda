package dev.sextant.api;

/**
 * A signed tree head of the server's ledger: the log had {@code treeSize} entries with this root at
 * {@code timestamp}. The signature is Ed25519 over the checkpoint body that {@code
 * dev.sextant.core.ledger.SignedTreeHead} defines, so anyone with the ledger's public key can check
 * it.
 *
 * @param rootHash lower-case hex of the 32-byte root
 * @param keyId lower-case hex SHA-256 of the signing key's DER SubjectPublicKeyInfo
 * @param signature standard base64 of the Ed25519 signature
 */
public record LedgerHead(
    long treeSize, String rootHash, String timestamp, String keyId, String signature) {}
