package dev.sextant.agent.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands as child processes with the C locale (so their output parses the same on every
 * host), reading both outputs at once up to a size limit, and kills the process and its children
 * when the time limit passes or the calling thread is interrupted.
 */
public final class ProcessCommandRunner implements CommandRunner {
  /** Default cap per output: a package list of thousands of lines fits easily. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

  // Output readers block on pipes; daemon threads never hold the JVM open.
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sextant-command-output");
            t.setDaemon(true);
            return t;
          });

  private final int maxOutputBytes;

  public ProcessCommandRunner() {
    this(DEFAULT_MAX_OUTPUT_BYTES);
  }

  public ProcessCommandRunner(int maxOutputBytes) {
    this.maxOutputBytes = maxOutputBytes;
  }

  @Override
  public CommandResult run(List<String> command, Duration timeout) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("LANG", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      // The JDK reports a missing program as "error=2, No such file or directory" (ENOENT).
      return message.contains("error=2,")
          ? CommandResult.notFound()
          : CommandResult.failedToStart(message);
    }
    closeQuietly(process);
    CompletableFuture<Captured> out = capture(process.getInputStream());
    CompletableFuture<Captured> err = capture(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        kill(process);
        return CommandResult.timedOut();
      }
      Captured stdout = collected(out);
      Captured stderr = collected(err);
      return new CommandResult(
          CommandResult.Status.EXITED,
          process.exitValue(),
          stdout.text(),
          stderr.text(),
          stdout.truncated() || stderr.truncated());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return CommandResult.timedOut();
    }
  }

  private CompletableFuture<Captured> capture(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> read(stream), READERS);
  }

  /** Keeps up to the limit and drains the rest, so a chatty child never blocks on a full pipe. */
  private Captured read(InputStream stream) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    boolean truncated = false;
    try (stream) {
      int n;
      while ((n = stream.read(buffer)) != -1) {
        int room = maxOutputBytes - kept.size();
        if (n > room) {
          truncated = true;
        }
        kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Captured(kept.toString(StandardCharsets.UTF_8), truncated);
  }

  private static Captured collected(CompletableFuture<Captured> output)
      throws InterruptedException {
    try {
      // A grandchild that inherited the pipe may keep it open after the child exits.
      return output.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      output.cancel(true);
      return new Captured("", true);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Nothing is written to commands; a failed close of their input changes nothing.
    }
  }

  private record Captured(String text, boolean truncated) {}
}
