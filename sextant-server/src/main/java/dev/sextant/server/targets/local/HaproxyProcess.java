package dev.sextant.server.targets.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One HAProxy running in the foreground ({@code -db}) as a child of this process, with its output
 * in a log file. It counts as started once its admin socket answers with its pid.
 */
public final class HaproxyProcess implements AutoCloseable {
  private static final Path DEBIAN_BINARY = Path.of("/usr/sbin/haproxy");
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;

  private HaproxyProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * The haproxy binary: the first executable {@code haproxy} on {@code path} (the PATH variable's
   * value), else Debian's {@code /usr/sbin/haproxy}.
   */
  public static Optional<Path> findBinary(String path) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "haproxy"));
      }
    }
    candidates.add(DEBIAN_BINARY);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The version {@code binary -v} reports. */
  public static HaproxyVersion version(Path binary) {
    return HaproxyVersion.parse(run(binary.toString(), "-v").output());
  }

  /**
   * Checks {@code config} with {@code haproxy -c} and returns what HAProxy said of it (warnings
   * included), so a bad configuration is refused before anything stops.
   *
   * @throws HaproxyException with HAProxy's words when the configuration is invalid
   */
  public static String check(Path binary, Path config) {
    Run run = run(binary.toString(), "-c", "-f", config.toString());
    if (run.exitCode() != 0) {
      throw new HaproxyException(
          binary + " -c -f " + config, "HAProxy refused " + config + ": " + run.output());
    }
    return run.output();
  }

  private record Run(int exitCode, String output) {}

  private static Run run(String... command) {
    String line = String.join(" ", command);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Run(p.waitFor(), output.strip());
    } catch (IOException e) {
      throw new HaproxyException(line, "cannot run " + line + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HaproxyException(line, "interrupted while running " + line, e);
    }
  }

  /**
   * Starts HAProxy on {@code config} and waits until {@code runtime}'s socket answers.
   *
   * @param log where HAProxy's output goes
   * @throws HaproxyException when HAProxy exits or its socket stays silent past {@code timeout}
   */
  public static HaproxyProcess start(
      Path binary, Path config, Path log, HaproxyRuntime runtime, Duration timeout) {
    String command = binary + " -db -f " + config;
    Process process;
    try {
      process =
          new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new HaproxyException(command, "cannot start " + command + ": " + e.getMessage(), e);
    }
    HaproxyProcess haproxy = new HaproxyProcess(process, log);
    long deadline = System.nanoTime() + timeout.toNanos();
    HaproxyException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new HaproxyException(
            command,
            "HAProxy exited with " + process.exitValue() + " at start: " + haproxy.output());
      }
      try {
        // Another HAProxy may still hold the socket (a previous run, a slow stop): only ours
        // counts.
        if (runtime.execute("show info").contains("\nPid: " + process.pid() + "\n")) {
          return haproxy;
        }
      } catch (HaproxyException e) {
        // the socket is not bound yet, or a previous run's file is still there
        last = e;
      }
      pause(POLL);
    }
    haproxy.close();
    throw new HaproxyException(
        command,
        "HAProxy's admin socket did not answer within "
            + timeout
            + (last == null ? "" : " (" + last.getMessage() + ")")
            + ": "
            + haproxy.output());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** What HAProxy has written to its log so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Stops HAProxy (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HaproxyException("start", "interrupted while waiting for HAProxy", e);
    }
  }
}
