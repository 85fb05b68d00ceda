package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a token from a file, as the {@code --token-file} options name it. */
final class TokenFiles {
  private TokenFiles() {}

  /**
   * The token in the file, stripped of surrounding white space; empty when the file holds none.
   *
   * @throws CliException invalid input (exit 1) when the file cannot be read, saying why; the
   *     message never holds the token
   */
  static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file).strip()).filter(t -> !t.isBlank());
    } catch (NoSuchFileException e) {
      throw CliException.invalid("cannot read the token file " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.invalid("cannot read the token file " + file + ": permission denied");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw CliException.invalid("cannot read the token file " + file + ": " + why);
    }
  }

  /** The token from the file when one is named, else from {@code SEXTANT_AGENT_TOKEN}. */
  static Optional<String> agentToken(Path file, dev.sextant.cli.Main.Context context) {
    if (file != null) {
      return read(file);
    }
    return Optional.ofNullable(context.env().get("SEXTANT_AGENT_TOKEN")).filter(t -> !t.isBlank());
  }
}
