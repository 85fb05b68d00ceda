package dev.sextant.agent.probe.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs commands as local processes; one that outlives its limit is killed with its children. */
public final class ProcessCommandRunner implements CommandRunner {
  @Override
  public CommandResult run(List<String> command, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      return new CommandResult.NotStarted(e.getMessage());
    }
    try {
      process.getOutputStream().close();
      // Both pipes are drained while it runs, so a chatty command cannot block on a full pipe.
      CompletableFuture<String> stdout = drain(process.getInputStream());
      CompletableFuture<String> stderr = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return new CommandResult.TimedOut(timeout);
      }
      return new CommandResult.Completed(process.exitValue(), stdout.get(), stderr.get());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return new CommandResult.TimedOut(timeout);
    } catch (IOException | ExecutionException e) {
      kill(process);
      return new CommandResult.NotStarted(e.toString());
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
