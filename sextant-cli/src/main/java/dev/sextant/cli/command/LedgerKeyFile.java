package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.core.fingerprint.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * The ledger's public key as a server hands it out: {@code ledger.key.pub} beside the key pair, a
 * PEM {@code PUBLIC KEY} block, or the base64 of the same SubjectPublicKeyInfo on one line.
 */
final class LedgerKeyFile {
  private LedgerKeyFile() {}

  /**
   * @throws CliException invalid input when the file cannot be read or holds no Ed25519 public key
   */
  static PublicKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw CliException.invalid("--key " + file + ": cannot read: " + e.getMessage());
    }
    try {
      return SigningKeys.decodePublic(text);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(
          "--key "
              + file
              + ": not an Ed25519 public key: expected the server's ledger.key.pub"
              + " (-----BEGIN PUBLIC KEY----- PEM) or the base64 of its SubjectPublicKeyInfo");
    }
  }
}
