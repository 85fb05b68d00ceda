package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RolloutReplica} in a process of its own, its output kept for waiting on and for
 * messages. Signals go through {@code kill}: SIGKILL to crash it, SIGSTOP and SIGCONT to freeze it
 * as a long pause would.
 */
record ReplicaProcess(String name, Process process, StringBuffer output) {
  /** How a process killed by signal 9 exits, as {@link Process#exitValue()} reports it. */
  static final int KILLED = 128 + 9;

  static ReplicaProcess start(String url, Path journal, String name, String... flags)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                RolloutReplica.class.getName(),
                url,
                journal.toString(),
                name));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                    output.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process is gone; what it printed is kept
              }
            },
            "replica-output-" + name);
    reader.setDaemon(true);
    reader.start();
    return new ReplicaProcess(name, process, output);
  }

  /** Whether it printed a line that starts with {@code prefix}. */
  boolean printed(String prefix) {
    return output.toString().lines().anyMatch(l -> l.startsWith(prefix));
  }

  /** Waits until it prints a line that starts with {@code prefix}. */
  void await(String prefix, Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    synchronized (output) {
      while (!printed(prefix)) {
        long left = until - System.nanoTime();
        assertThat(left > 0)
            .as("%s prints '%s' within %s; it printed:%n%s", name, prefix, limit, output)
            .isTrue();
        output.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
  }

  /** Crashes it: SIGKILL, and it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(KILLED);
  }

  /** Freezes it where it is, heartbeats and all. */
  void stop() throws IOException, InterruptedException {
    signal("STOP");
  }

  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  /** Sends it a line on its standard input. */
  void tell(String line) throws IOException {
    OutputStream input = process.getOutputStream();
    input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    input.flush();
  }

  /** Kills it if it still runs; for cleaning up. */
  void destroy() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %s", signal, process.pid()).isZero();
  }
}
