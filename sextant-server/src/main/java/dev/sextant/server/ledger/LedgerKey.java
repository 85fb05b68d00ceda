package dev.sextant.server.ledger;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.provenance.PublicKeys;
import java.io.IOException;
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
 * The Ed25519 key this server signs its ledger's tree heads with. It is made once and kept, so that
 * heads signed years ago still verify: the pair in a file only its owner may read ({@code
 * rw-------}), and a copy of the public key beside it, with {@code .pub} appended, to hand out. The
 * private key is never logged or shown; {@link #toString} names the key by its id.
 */
public final class LedgerKey {
  /** The key pair's file name in an embedded store's data directory. */
  public static final String FILE_NAME = "ledger.key";

  private static final String END_PRIVATE = "-----END PRIVATE KEY-----";

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
    if (!Files.exists(file)) {
      create(file, SigningKeys.generate(random));
    }
    LedgerKey key = read(file);
    try {
      Files.writeString(publicFile(file), SigningKeys.publicPem(key.publicKey), US_ASCII);
    } catch (IOException e) {
      throw new LedgerKeyException("cannot write the ledger's public key beside " + file, e);
    }
    return key;
  }

  private static LedgerKey read(Path file) {
    try {
      String text = Files.readString(file, US_ASCII);
      int split = text.indexOf(END_PRIVATE);
      if (split < 0) {
        throw new IllegalArgumentException("no private key block");
      }
      int end = split + END_PRIVATE.length();
      return new LedgerKey(
          SigningKeys.decodePrivate(text.substring(0, end)),
          SigningKeys.decodePublic(text.substring(end)));
    } catch (IOException e) {
      throw new LedgerKeyException("cannot read the ledger key at " + file + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new LedgerKeyException(
          "the ledger key at " + file + " is not an Ed25519 key pair in PEM", e);
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

  /** Where the copy of the public key of the key pair kept in {@code file} is handed out. */
  public static Path publicFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".pub");
  }

  /**
   * Writes the pair to a file of the owner's only, then links it into place: the link either makes
   * the whole file appear at once or fails because another server made one first, whose key is then
   * read. The public key is in the same file so the pair can never be torn apart.
   */
  private static void create(Path file, KeyPair pair) {
    Path temporary = null;
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      temporary =
          Files.createTempFile(
              directory,
              ".ledger-key-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          temporary,
          SigningKeys.privatePem(pair.getPrivate()) + SigningKeys.publicPem(pair.getPublic()),
          US_ASCII);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // Another server made it first; the caller reads theirs.
    } catch (IOException e) {
      throw new LedgerKeyException("cannot create the ledger key at " + file + ": " + e, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Only a leftover copy in the key's own directory, with the key's own mode.
    }
  }
}
