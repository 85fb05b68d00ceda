package dev.sextant.cli.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold a token: readable by their owner only, from the first byte written. */
public final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Writes {@code text} to {@code file} atomically: a reader sees the previous file or this one,
   * never half of one. The temporary file is created 0600, so the text is never readable by others,
   * not even for a moment.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, String text) {
    Path temporary =
        file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      try {
        Files.createFile(
            temporary,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temporary);
      } catch (FileAlreadyExistsException e) {
        throw new IOException("another process writes " + temporary, e);
      }
      Files.writeString(temporary, text);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
