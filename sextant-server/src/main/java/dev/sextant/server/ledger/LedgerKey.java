package dev.sextant.server.ledger;

import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.provenance.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The Ed25519 key this server signs its ledger's tree heads with. It is made once and kept: the
 * private key in a file only its owner may read ({@code rw-------}), the public key beside it with
 * {@code .pub} appended, so that heads signed years ago still verify. The private key is never
 * logged or shown; {@link #toString} names the key by its id.
 */
public final class LedgerKey {
  /** The private key's file name in an embedded store's data directory. */
  public static final String FILE_NAME = "ledger.key";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String id;

  private LedgerKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = PublicKeys.requireSupported(publicKey);
    this.id = PublicKeys.id(publicKey);
  }

  /**
   * The key kept at {@code file}, made there first if there is none.
   *
   * @throws LedgerKeyException when the files cannot be read or written, or hold no Ed25519 key
   */
  public static LedgerKey loadOrCreate(Path file, SecureRandom random) {
    Objects.requireNonNull(file, "file");
    Path pub = publicFile(file);
    if (!Files.exists(file)) {
      create(file, pub, SigningKeys.generate(random));
    }
    try {
      PrivateKey privateKey = SigningKeys.decodePrivate(Files.readString(file));
      PublicKey publicKey = SigningKeys.decodePublic(Files.readString(pub));
      return new LedgerKey(privateKey, publicKey);
    } catch (IOException e) {
      throw new LedgerKeyException("cannot read the ledger key at " + file + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new LedgerKeyException(
          "the ledger key at " + file + " and " + pub + " is not an Ed25519 key pair in PEM", e);
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** Lower-case hex SHA-256 of the public key's DER SubjectPublicKeyInfo. */
  public String id() {
    return id;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "LedgerKey[" + id + "]";
  }

  private static Path publicFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".pub");
  }

  private static void create(Path file, Path pub, KeyPair pair) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // Created with its final mode, so the private key is never readable by others, not even
      // for a moment.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, SigningKeys.privatePem(pair.getPrivate()), StandardCharsets.US_ASCII);
      Files.writeString(pub, SigningKeys.publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      // Another server made it first; the caller reads theirs.
    } catch (IOException e) {
      throw new LedgerKeyException("cannot create the ledger key at " + file + ": " + e, e);
    }
  }
}
