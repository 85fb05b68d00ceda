package dev.sextant.agent.identity;

import dev.sextant.core.fingerprint.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The signing key of this host, in {@code <data dir>/agent/}: {@code ed25519.key} (PKCS#8, mode
 * 0600, created on first use) and {@code ed25519.pub} (X.509). The private key is written to a file
 * created with owner-only permissions from the start, so it is never readable by others, not even
 * for a moment.
 */
public final class AgentKeys {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AgentKeys() {}

  /** The key pair in {@code dataDirectory}, created when there is none. */
  public static KeyPair loadOrCreate(Path dataDirectory) {
    Path directory = dataDirectory.resolve("agent");
    Path privateFile = directory.resolve("ed25519.key");
    Path publicFile = directory.resolve("ed25519.pub");
    try {
      if (Files.exists(privateFile)) {
        return load(privateFile, publicFile);
      }
      Files.createDirectories(directory);
      KeyPair pair = SigningKeys.generate(new SecureRandom());
      try {
        Files.writeString(
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY)),
            SigningKeys.privatePem(pair.getPrivate()),
            StandardCharsets.US_ASCII,
            StandardOpenOption.TRUNCATE_EXISTING);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it between our check and now: use theirs.
        return load(privateFile, publicFile);
      }
      Files.writeString(
          publicFile, SigningKeys.publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the agent key in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The key pair in {@code dataDirectory}, if one was created there. */
  public static java.util.Optional<KeyPair> find(Path dataDirectory) {
    Path directory = dataDirectory.resolve("agent");
    Path privateFile = directory.resolve("ed25519.key");
    if (!Files.exists(privateFile)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(load(privateFile, directory.resolve("ed25519.pub")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the agent key in " + directory + ": " + e.getMessage(), e);
    }
  }

  private static KeyPair load(Path privateFile, Path publicFile) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new IOException(
          privateFile
              + " is readable by others (mode "
              + PosixFilePermissions.toString(permissions)
              + "); run chmod 600 on it");
    }
    return new KeyPair(
        SigningKeys.decodePublic(Files.readString(publicFile, StandardCharsets.US_ASCII)),
        SigningKeys.decodePrivate(Files.readString(privateFile, StandardCharsets.US_ASCII)));
  }
}
