package dev.sextant.server.secret;

import dev.sextant.core.secret.Secret;
import dev.sextant.core.secret.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Resolves {@code file:/path}. The file must be readable by its owner only, as ssh demands of a
 * private key: a secret any local user can read is already out. One trailing line break, which
 * editors and {@code echo} add, is not part of the secret.
 */
final class FileSecrets {
  /** More than any token or password; a bigger file is the wrong file. */
  static final long MAX_BYTES = 64 * 1024;

  private static final Set<PosixFilePermission> OTHERS_READ =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  Secret resolve(SecretRef.File ref) {
    Path path = Path.of(ref.path());
    try {
      if (!Files.isRegularFile(path)) {
        throw new UnresolvedSecretException(
            ref,
            UnresolvedSecretException.Reason.MISSING,
            Files.exists(path)
                ? "it is not a regular file"
                : "no such file; write the secret there, readable by its owner only (chmod 600)");
      }
      PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
      if (posix != null) {
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        if (permissions.stream().anyMatch(OTHERS_READ::contains)) {
          throw new UnresolvedSecretException(
              ref,
              UnresolvedSecretException.Reason.REFUSED,
              "the file is readable by its group or by others ("
                  + PosixFilePermissions.toString(permissions)
                  + "); a secret file must be readable by its owner only: chmod 600 "
                  + path);
        }
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new UnresolvedSecretException(
            ref,
            UnresolvedSecretException.Reason.REFUSED,
            "the file is over " + MAX_BYTES / 1024 + " KiB, too big to be one secret");
      }
      String value = stripOneLineBreak(Files.readString(path, StandardCharsets.UTF_8));
      if (value.isEmpty()) {
        throw new UnresolvedSecretException(
            ref, UnresolvedSecretException.Reason.MISSING, "the file is empty");
      }
      return new Secret(ref, value);
    } catch (AccessDeniedException e) {
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.REFUSED,
          "this process (user " + System.getProperty("user.name") + ") may not read the file");
    } catch (NoSuchFileException e) {
      throw new UnresolvedSecretException(
          ref, UnresolvedSecretException.Reason.MISSING, "no such file");
    } catch (IOException e) {
      // The exception's message names the path and the failure, never the file's content.
      throw new UnresolvedSecretException(
          ref,
          UnresolvedSecretException.Reason.UNREACHABLE,
          "the file could not be read: " + e.getClass().getSimpleName(),
          e);
    }
  }

  private static String stripOneLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
