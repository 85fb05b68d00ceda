package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.provenance.UnusableKeyException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;

/**
 * Signing keys as files: a private key as PEM PKCS#8 (mode 600), a public key as PEM
 * SubjectPublicKeyInfo, both as {@code openssl pkey} reads and writes them.
 */
final class KeyFiles {
  static final String PRIVATE_SUFFIX = ".key";
  static final String PUBLIC_SUFFIX = ".pub";

  private KeyFiles() {}

  /**
   * Writes {@code PREFIX.key} and {@code PREFIX.pub}, refusing to replace either.
   *
   * @throws CliException conflict when either file exists
   */
  static void write(Path prefix, KeyPair keys) {
    Path privateFile = sibling(prefix, PRIVATE_SUFFIX);
    Path publicFile = sibling(prefix, PUBLIC_SUFFIX);
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file)) {
        throw CliException.conflict(
            file + " exists; a key is never overwritten: choose another --out");
      }
    }
    try {
      try {
        Files.createFile(
            privateFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(privateFile);
      }
      Files.writeString(privateFile, SigningKeys.privatePem(keys.getPrivate()));
      Files.writeString(
          publicFile, PublicKeys.toPem(keys.getPublic()), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw CliException.conflict(e.getFile() + " exists; a key is never overwritten");
    } catch (IOException e) {
      throw CliException.invalid("cannot write the key pair at " + prefix + ": " + e.getMessage());
    }
  }

  static Path sibling(Path prefix, String suffix) {
    return prefix.resolveSibling(prefix.getFileName() + suffix);
  }

  /**
   * An Ed25519 private key file and the public key that goes with it.
   *
   * @throws CliException invalid, naming the option, for a missing or unreadable file; the message
   *     never quotes the file
   */
  static KeyPair readPrivate(Path file, String option) {
    PrivateKey key;
    try {
      key = SigningKeys.decodePrivate(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw CliException.invalid(option + " " + file + ": no such file");
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.invalid(
          option
              + " "
              + file
              + ": not an Ed25519 private key in PEM (PKCS#8), as 'sextant keys generate' writes");
    }
    return new KeyPair(publicOf(key), key);
  }

  /**
   * A public key file: PEM SubjectPublicKeyInfo, Ed25519 or ECDSA P-256.
   *
   * @throws CliException invalid, naming the option, for a missing or unreadable file
   */
  static PublicKey readPublic(Path file, String option) {
    try {
      return PublicKeys.fromPem(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw CliException.invalid(option + " " + file + ": no such file");
    } catch (IOException | UnusableKeyException e) {
      throw CliException.invalid(option + " " + file + ": " + e.getMessage());
    }
  }

  /**
   * The public key of an Ed25519 private key. The JDK derives one only while generating a pair,
   * from the 32 random bytes it draws: handing it the private key's own bytes as those gives the
   * pair back.
   */
  private static PublicKey publicOf(PrivateKey key) {
    byte[] seed =
        ((EdECPrivateKey) key)
            .getBytes()
            .orElseThrow(() -> CliException.invalid("the private key's bytes cannot be read"));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new Replay(seed));
      return generator.generateKeyPair().getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK since 15 provides Ed25519", e);
    }
  }

  /** A source of "random" bytes that gives back one seed. */
  private static final class Replay extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    Replay(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("Ed25519 draws " + seed.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}
