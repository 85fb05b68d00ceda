package dev.sextant.core.resource.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deep (tier 2) check run on the target itself, such as an import test or a GPU memory probe; it
 * passes when the command exits 0 within its timeout. The command runs without a shell.
 */
public record Check(
    String name, String description, List<String> command, Optional<Duration> timeout) {
  public Check {
    Objects.requireNonNull(name, "name");
    description = Defaults.text(description);
    command = Defaults.list(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("check '" + name + "' has no command");
    }
    timeout = Defaults.optional(timeout);
  }
}
