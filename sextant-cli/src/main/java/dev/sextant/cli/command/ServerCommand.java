package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.server.api.ApiServer;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.JdbcUrls;
import dev.sextant.server.store.ServerStores;
import dev.sextant.server.store.StoreException;
import dev.sextant.server.store.Stores;
import java.nio.file.Files;
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
      "Binds to 127.0.0.1 by default: there is no access control yet, so expose it with care."
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
  java.nio.file.Path agentTokenFile;

  @Option(names = "--drift-interval", defaultValue = "5m", paramLabel = "DURATION", description = "How often every environment's drift is checked, besides on each new fingerprint (default: ${DEFAULT-VALUE}).")
  String driftInterval;

  @Override
  public Integer call() throws Exception {
    var context = root.context();
    if (port < 0 || port > 65535) {
      throw CliException.invalid("--port must be between 0 and 65535, found " + port);
    }
    String url = backend.databaseUrl(context);
    if (backend.db == null) {
      Files.createDirectories(BackendOptions.home(context));
    }
    java.time.Duration every = Durations.parse(driftInterval, "--drift-interval");
    AgentTokens tokens = AgentTokens.of(agentToken(context));
    ServerStores store;
    try {
      store = Stores.openAll(url);
    } catch (StoreException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
    Services services = Services.on(store, tokens, java.time.Clock.systemUTC());
    ApiServer server;
    try {
      server = ApiServer.start(services, bind, port);
    } catch (RuntimeException e) {
      store.close();
      throw CliException.unavailable("cannot listen on " + bind + ":" + port + ": " + rootCause(e), e);
    }
    var drift = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sextant-drift");
      t.setDaemon(true);
      return t;
    });
    drift.scheduleWithFixedDelay(services.drift()::checkAll, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      drift.shutdownNow();
      server.close();
      store.close();
      stopped.countDown();
    }, "sextant-shutdown"));
    context.out().printf("sextant server listening on http://%s:%d (store: %s)%n", bind, server.port(), JdbcUrls.masked(url));
    context.out().flush();
    stopped.await();
    return 0;
  }

  private String agentToken(dev.sextant.cli.Main.Context context) throws java.io.IOException {
    if (agentTokenFile != null) {
      return Files.readString(agentTokenFile).strip();
    }
    return context.env().get("SEXTANT_AGENT_TOKEN");
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
