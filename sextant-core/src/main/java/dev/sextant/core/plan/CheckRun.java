package dev.sextant.core.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What running one deep check on a target gave.
 *
 * @param exitCode the command's exit status; meaningless when it timed out or could not start
 * @param timedOut whether it ran past its timeout and was stopped
 * @param output the tail of what it printed, kept for the plan
 * @param error why it could not run at all (no such command), if so
 */
public record CheckRun(int exitCode, boolean timedOut, String output, Optional<String> error) {
  public CheckRun {
    Objects.requireNonNull(output, "output");
    error = Objects.requireNonNullElse(error, Optional.empty());
  }

  public boolean passed() {
    return error.isEmpty() && !timedOut && exitCode == 0;
  }
}
