package dev.sextant.cli;

import dev.sextant.server.SextantServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code sextant server} in an operating-system process of its own, on a free loopback port,
 * so that a test can end it as a crash would: SIGKILL, no shutdown hook, nothing flushed on the way
 * out. It runs this JVM's classpath with {@code SEXTANT_HOME} set to a directory of the test's.
 */
final class ServerProcess implements AutoCloseable {
  /** The agent token every test server process is started with. */
  static final String AGENT_TOKEN = "server-process-test-token";

  /** The first admin's token every test server process makes its store with. */
  static final String ADMIN_TOKEN = "sxt_server-process-test-admin";

  /** How a process killed by signal 9 exits, as {@link Process#exitValue()} reports it. */
  static final int KILLED = 128 + 9;

  private static final Pattern LISTENING =
      Pattern.compile("sextant server listening on (http://\\S+:\\d+) ");
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration EXIT = Duration.ofSeconds(10);

  /** Notified at each line any server prints, for {@link #awaitOutput}. */
  private static final Object PRINTED = new Object();

  private final Process process;
  private final URI base;
  private final StringBuffer output;

  private ServerProcess(Process process, URI base, StringBuffer output) {
    this.process = process;
    this.base = base;
    this.output = output;
  }

  /**
   * Starts {@code sextant server --port 0} with the store arguments (none for the embedded H2 store
   * in {@code home}, or {@code --db URL}) and returns once it says where it listens.
   *
   * @throws IllegalStateException when the server exits or says nothing within 30 seconds; the
   *     message carries what it printed
   */
  static ServerProcess start(Path home, List<String> storeArgs)
      throws IOException, InterruptedException {
    return start(home, storeArgs, "1h");
  }

  /** As {@link #start(Path, List)}, checking every environment's drift at that interval. */
  static ServerProcess start(Path home, List<String> storeArgs, String driftInterval)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small, quick-starting JVM: two of these share a two-core machine with the
                // build.
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Each scheduled drift check says when it was due, for the cluster test to count.
                "-Dorg.slf4j.simpleLogger.log." + SextantServer.class.getName() + "=info",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "server",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--drift-interval",
                driftInterval));
    command.addAll(storeArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("SEXTANT_"));
    builder.environment().put("SEXTANT_HOME", home.toString());
    builder.environment().put("SEXTANT_AGENT_TOKEN", AGENT_TOKEN);
    builder.environment().put("SEXTANT_ADMIN_TOKEN", ADMIN_TOKEN);
    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> read(process, output, listening), "server-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, listening.get(START.toSeconds(), TimeUnit.SECONDS), output);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly().waitFor(EXIT.toSeconds(), TimeUnit.SECONDS);
      throw new IllegalStateException(
          "the server did not start within " + START.toSeconds() + " s; it printed:\n" + output, e);
    }
  }

  // Reads to the end, so that the server never blocks on a full pipe, and keeps it all for
  // messages.
  private static void read(Process process, StringBuffer output, CompletableFuture<URI> listening) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        synchronized (PRINTED) {
          PRINTED.notifyAll();
        }
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(URI.create(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    }
    listening.completeExceptionally(new IllegalStateException("the server's output ended"));
  }

  /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
  URI base() {
    return base;
  }

  /**
   * Sends SIGKILL, as the OOM killer or a power-cut container would, and waits until the process is
   * gone; returns its exit value ({@link #KILLED} when the signal ended it).
   */
  int kill() throws InterruptedException {
    // On Linux destroyForcibly() is kill(pid, SIGKILL): the JVM gets no chance to run its hooks.
    process.destroyForcibly();
    if (!process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "the server " + process.pid() + " outlived SIGKILL for " + EXIT.toSeconds() + " s");
    }
    return process.exitValue();
  }

  /**
   * Waits until {@code condition} holds, looked at again each time a server prints a line, or until
   * {@code timeout} has passed; returns whether it holds.
   */
  static boolean awaitOutput(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (PRINTED) {
      for (long left = timeout.toNanos();
          !condition.getAsBoolean();
          left = deadline - System.nanoTime()) {
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(PRINTED, left);
      }
    }
    return true;
  }

  /** Everything the server printed so far, stdout and stderr together. */
  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
