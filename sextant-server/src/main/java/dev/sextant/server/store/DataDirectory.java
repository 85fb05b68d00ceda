package dev.sextant.server.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded store's data directory, private to its owner: the directory 0700 and the files in it
 * 0600, for they hold every resource, fingerprint and agent key the server keeps. Where the file
 * system has no POSIX permissions (Windows), modes are left as they are.
 */
final class DataDirectory {
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /**
   * Opens the embedded H2 database of {@code directory}: creates the directory 0700, or makes an
   * existing one so, has {@code open} open the database at its URL ({@link JdbcUrls#h2}), then
   * restricts the files in the directory to 0600. H2 creates its files with the process's umask
   * (often 0644), which is why this comes after the open; a file it creates later (a trace file) is
   * still in a directory that only its owner can enter.
   *
   * @throws StoreUnavailableException when the directory cannot be created or its modes set (what
   *     was opened is closed again), or from {@code open}
   */
  static <T extends AutoCloseable> T open(Path directory, Function<String, T> open) {
    String url = JdbcUrls.h2(directory);
    try {
      create(directory);
    } catch (IOException e) {
      throw new StoreUnavailableException(url, "create the data directory for", e);
    }
    T store = open.apply(url);
    try {
      restrictFiles(directory);
    } catch (IOException e) {
      StoreUnavailableException failure =
          new StoreUnavailableException(url, "restrict to its owner the data directory of", e);
      try {
        store.close();
      } catch (Exception closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
    return store;
  }

  private static void create(Path directory) throws IOException {
    try {
      // Created private rather than made so afterwards, so that it is never open to others.
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(directory);
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(directory, PosixFileAttributeView.class);
    if (view != null && !view.readAttributes().permissions().equals(DIRECTORY)) {
      view.setPermissions(DIRECTORY);
    }
  }

  private static void restrictFiles(Path directory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        // Links are not followed: what they point to is not the store's to change.
        PosixFileAttributeView view =
            Files.getFileAttributeView(
                entry, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
          return;
        }
        try {
          PosixFileAttributes attributes = view.readAttributes();
          if (attributes.isRegularFile() && !attributes.permissions().equals(FILE)) {
            // By path (chmod), not through the link-safe view, which opens the file to fchmod
            // it: closing that descriptor would drop the POSIX lock by which H2 keeps other
            // processes out of the database it has just opened. The entry is a regular file.
            Files.setPosixFilePermissions(entry, FILE);
          }
        } catch (NoSuchFileException e) {
          // A temporary file that H2 removed while we looked: nothing left to restrict.
        }
      }
    }
  }
}
