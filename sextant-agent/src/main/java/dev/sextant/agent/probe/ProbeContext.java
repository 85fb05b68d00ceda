package dev.sextant.agent.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything a probe may learn from outside itself. {@link LocalHost} is the real host; tests give
 * probes a context made of recorded files and command outputs.
 */
public interface ProbeContext {
  /** The text of a file by absolute path, or empty when it is absent or cannot be read. */
  Optional<String> readFile(String path);

  /** Whether a file or directory exists at an absolute path. */
  boolean exists(String path);

  /**
   * The size in bytes of the filesystem mounted at a directory, or empty when it is no directory.
   */
  OptionalLong diskTotal(String mountPoint);

  /** Runs a command (no shell) within a time limit; see {@link CommandRunner}. */
  CommandResult run(Duration timeout, List<String> command);

  default CommandResult run(Duration timeout, String... command) {
    return run(timeout, List.of(command));
  }

  /** An environment variable of this process. */
  Optional<String> env(String name);

  /** A system property of the running JVM ({@code java.version}, {@code os.arch}, …). */
  Optional<String> systemProperty(String name);

  /** What OSHI reports, for facts the files above do not give; slow to start, so used last. */
  HostHardware hardware();
}
