package dev.sextant.server.targets.local;

import dev.sextant.core.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file being written that hashes its content on the way in, so a download is read once, and
 * refuses to grow past a limit, so a wrong or hostile URL cannot fill the disk.
 */
final class DigestingFile implements AutoCloseable {
  private final FileChannel channel;
  private final MessageDigest sha256 = sha256();
  private final long limit;
  private long size;

  DigestingFile(Path path, long limit) throws IOException {
    this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
    this.limit = limit;
  }

  /** Thrown when the content passes the limit; the caller names the URL. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("larger than the limit of " + limit + " bytes");
    }
  }

  void write(ByteBuffer buffer) throws IOException {
    size += buffer.remaining();
    if (size > limit) {
      throw new TooLarge(limit);
    }
    sha256.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Forces the content to disk before the file is moved into the cache under its digest. */
  Digest finish() throws IOException {
    channel.force(true);
    return toDigest(sha256);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  static Digest digestOf(Path path) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
      }
    }
    return toDigest(sha256);
  }

  private static Digest toDigest(MessageDigest sha256) {
    return new Digest("sha256:" + HexFormat.of().formatHex(sha256.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
