package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.LocalServer;
import dev.sextant.cli.backend.ServerFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sextant server status}: whether the local server of the data directory runs. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Say whether the local server of the data directory ($SEXTANT_HOME, or ~/.sextant) runs:",
      "its address, process id and since when (exit 0), or that none runs (exit 4).",
      "",
      "The CLI starts that server in the background on the first command that needs the store,",
      "and every later command uses it; set SEXTANT_NO_DAEMON=1 to open the store in the CLI",
      "instead. The server writes what it prints to server.log in the data directory."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  sextant server status", "  SEXTANT_HOME=/srv/sextant sextant server status"})
public final class ServerStatusCommand implements Callable<Integer> {
  @ParentCommand ServerCommand server;

  @Override
  public Integer call() {
    var context = server.root.context();
    Path home = BackendOptions.home(context);
    ServerFile running =
        LocalServer.find(home)
            .orElseThrow(() -> CliException.notFound("no local server runs for " + home));
    context
        .out()
        .printf(
            "url:   %s%npid:   %d%nsince: %s%nlog:   %s%n",
            running.url(), running.pid(), running.since(), home.resolve(LocalServer.LOG));
    return 0;
  }
}
