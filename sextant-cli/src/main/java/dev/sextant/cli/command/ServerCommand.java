package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.ServerStartException;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreException;
import dev.sextant.server.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the API under /api/v1 until stopped (Ctrl-C or SIGTERM).",
      "",
      "Binds to 127.0.0.1 by default: there is no access control yet, so expose it with care.",
      "Recording fingerprints over the API needs the agent token, and the server refuses to",
      "listen on any other address without one.",
      "Every answer is given after its write is on disk. Several servers may share one",
      "PostgreSQL store (--db); scheduled work such as the drift check then runs on one",
      "of them at a time."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant server",
      "  sextant server --port 8080 --db jdbc:postgresql://localhost:5432/sextant?user=sextant",
      "  curl -s localhost:7070/api/v1/releases"
    })
public final class ServerCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;

  @Option(names = "--port", defaultValue = "7070", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--agent-token-file", paramLabel = "FILE", description = "A file holding the token agents must present (default: $SEXTANT_AGENT_TOKEN). Without one, agents are refused.")
  Path agentTokenFile;

  @Option(names = "--drift-interval", defaultValue = "5m", paramLabel = "DURATION", description = "How often every environment's drift is checked, besides on each new fingerprint (default: ${DEFAULT-VALUE}).")
  String driftInterval;

  @Override
  public Integer call() throws Exception {
    var context = root.context();
    if (port < 0 || port > 65535) {
      throw CliException.invalid("--port must be between 0 and 65535, found " + port);
    }
    Duration every = Durations.parse(driftInterval, "--drift-interval");
    StoreLocation store = backend.storeLocation(context);
    ServerConfig config;
    try {
      config = new ServerConfig(store, bind, port, TokenFiles.agentToken(agentTokenFile, context), every);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(e.getMessage());
    }
    SextantServer server;
    try {
      server = SextantServer.start(config);
    } catch (StoreException | ServerStartException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "sextant-shutdown"));
    context.out().printf("sextant server listening on http://%s:%d (store: %s)%n", bind, server.port(), store.display());
    context.out().flush();
    stopped.await();
    return 0;
  }
}
