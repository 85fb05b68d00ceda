package dev.sextant.agent.probe.python;

import java.time.Duration;

/** How running a command ended. */
public sealed interface CommandResult {
  /** It ran to the end: its exit code and what it printed. */
  record Completed(int exitCode, String stdout, String stderr) implements CommandResult {}

  /** It could not be started: not installed, not on {@code PATH}, not executable. */
  record NotStarted(String reason) implements CommandResult {}

  /** It ran past its time limit and was killed. */
  record TimedOut(Duration limit) implements CommandResult {}
}
