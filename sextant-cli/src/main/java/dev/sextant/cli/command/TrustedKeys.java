package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.core.fingerprint.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** The public keys given with {@code --key}, each checked where it is read. */
final class TrustedKeys {
  private TrustedKeys() {}

  /** The keys in these files, in order; a mutable list, so a command may add its own. */
  static List<PublicKey> read(List<Path> files) {
    List<PublicKey> trusted = new ArrayList<>();
    for (Path file : files) {
      try {
        trusted.add(SigningKeys.decodePublic(Files.readString(file)));
      } catch (NoSuchFileException e) {
        throw CliException.invalid("--key " + file + ": no such file");
      } catch (IOException | IllegalArgumentException e) {
        throw CliException.invalid(
            "--key " + file + ": not a readable Ed25519 public key (" + e.getMessage() + ")");
      }
    }
    return trusted;
  }
}
