package dev.sextant.agent.probe;

import java.time.Duration;
import java.util.List;

/** Runs an external command to its end or its time limit, whichever comes first. */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code command} (program and arguments, no shell) and never throws for the command's sake:
   * a missing program, a non-zero exit or a timeout are all results.
   */
  CommandResult run(List<String> command, Duration timeout);
}
