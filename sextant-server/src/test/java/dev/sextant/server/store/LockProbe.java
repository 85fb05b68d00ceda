package dev.sextant.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a process of its own: tries to lock a file as H2 does, and exits 0 when it could (nobody
 * held it) or 3 when another process holds it.
 */
public final class LockProbe {
  static final int HELD = 3;

  private LockProbe() {}

  public static void main(String[] args) throws IOException {
    try (FileChannel channel =
            FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      System.exit(lock == null ? HELD : 0);
    }
  }
}
