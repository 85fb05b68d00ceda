package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.server.api.ApiServer;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.JdbcUrls;
import dev.sextant.server.store.ResourceStore;
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
    ResourceStore store;
    try {
      store = Stores.open(url);
    } catch (StoreException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
    ApiServer server;
    try {
      server = ApiServer.start(new ResourceService(store), bind, port);
    } catch (RuntimeException e) {
      store.close();
      throw CliException.unavailable("cannot listen on " + bind + ":" + port + ": " + rootCause(e), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      store.close();
      stopped.countDown();
    }, "sextant-shutdown"));
    context.out().printf("sextant server listening on http://%s:%d (store: %s)%n", bind, server.port(), JdbcUrls.masked(url));
    context.out().flush();
    stopped.await();
    return 0;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
