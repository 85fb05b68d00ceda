package dev.sextant.cli.command;

import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.LocalServer;
import dev.sextant.cli.backend.ServerFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sextant server stop}: stops the local server of the data directory, as Ctrl-C would. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stop the local server of the data directory ($SEXTANT_HOME, or ~/.sextant) and wait until",
      "it has exited and released the store (up to 15 s; exit 5 when it is still running then).",
      "When none runs there is nothing to do: it says so and exits 0.",
      "",
      "The server finishes the requests it is answering and closes the store cleanly (SIGTERM);",
      "the next command that needs the store starts a new one."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant server stop",
      "  sextant server stop && SEXTANT_NO_DAEMON=1 sextant get environments"
    })
public final class ServerStopCommand implements Callable<Integer> {
  private static final Duration EXIT = Duration.ofSeconds(15);

  @ParentCommand ServerCommand server;

  @Override
  public Integer call() throws InterruptedException {
    var context = server.root.context();
    Path home = BackendOptions.home(context);
    // Only a process that answers at the announced address is stopped: a pid left in a stale
    // file may have been reused by some other program since.
    Optional<ServerFile> running = LocalServer.find(home);
    if (running.isEmpty()) {
      context.out().printf("no local server runs for %s%n", home);
      return 0;
    }
    long pid = running.get().pid();
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isPresent()) {
      process.get().destroy();
      try {
        process.get().onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new CliException(
            ProblemKind.UNAVAILABLE,
            "the local server (pid "
                + pid
                + ") did not exit within "
                + EXIT.toSeconds()
                + " s of SIGTERM; it is still running");
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
    context.out().printf("stopped the local server on %s (pid %d)%n", running.get().url(), pid);
    return 0;
  }
}
