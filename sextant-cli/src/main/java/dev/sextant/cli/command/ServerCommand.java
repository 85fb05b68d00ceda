package dev.sextant.cli.command;

import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.cli.SextantCommand;
import dev.sextant.cli.backend.LocalServer;
import dev.sextant.cli.backend.PrivateFiles;
import dev.sextant.cli.backend.ServerFile;
import dev.sextant.server.PrometheusSetting;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.ServerStartException;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.StoreException;
import dev.sextant.server.store.StoreLocation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    subcommands = {ServerStatusCommand.class, ServerStopCommand.class},
    description = {
      "Serve the API under /api/v1 until stopped (Ctrl-C or SIGTERM).",
      "",
      "On the embedded store (no --db) it announces itself in $SEXTANT_HOME/server.json, so that",
      "the CLI of that data directory talks to it rather than opening the store. The CLI starts",
      "such a server in the background when none runs; 'sextant server status' shows it and",
      "'sextant server stop' stops it.",
      "",
      "Every route but the health probes, the API description and the schemas needs an API",
      "token (Authorization: Bearer), and a role that allows it where it acts. The first server",
      "on a store makes its first admin: its token is taken from --admin-token-file or",
      "$SEXTANT_ADMIN_TOKEN, or made at random and kept in $SEXTANT_HOME/admin.token (0600) on",
      "the embedded store, or printed once with --db. Agents present the agent token instead.",
      "Lost it? --new-admin-token makes another, kept or shown the same way.",
      "Every answer is given after its write is on disk. Several servers may share one",
      "PostgreSQL store (--db); scheduled work such as the drift check then runs on one",
      "of them at a time."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sextant server",
      "  sextant server status",
      "  sextant server stop",
      "  sextant server --port 8080 --db jdbc:postgresql://localhost:5432/sextant?user=sextant",
      "  curl -s localhost:7070/api/v1/releases"
    })
public final class ServerCommand implements Callable<Integer> {
  @ParentCommand SextantCommand root;
  @Mixin BackendOptions backend;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--agent-token-file",
      paramLabel = "FILE",
      description =
          "A file holding the token agents must present (default: $SEXTANT_AGENT_TOKEN). Without one, agents are refused.")
  Path agentTokenFile;

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description =
          "For the first start on a store only: a file holding the first admin's token (default: $SEXTANT_ADMIN_TOKEN, else a random one).")
  Path adminTokenFile;

  @Option(
      names = "--new-admin-token",
      description =
          "Make a new token for admin, who holds the admin role on every environment again, kept or shown as the first admin's is: for when that token is lost. Whoever can start a server on the store may do this.")
  boolean newAdminToken;

  @Option(
      names = "--drift-interval",
      defaultValue = "5m",
      paramLabel = "DURATION",
      description =
          "How often every environment's drift is checked, besides on each new fingerprint (default: ${DEFAULT-VALUE}).")
  String driftInterval;

  @Option(
      names = "--prometheus",
      defaultValue = "${env:SEXTANT_PROMETHEUS:-none}",
      paramLabel = "none|local|URL",
      description =
          "The Prometheus that analyses query when a metric names none: 'local' runs one on loopback that scrapes every instance the local target runs (Debian's package, installed when missing and root); a URL uses that one, and the local target writes its scrape targets under the data directory's local/prometheus/targets/*.json for it to read (file-based service discovery); 'none' has none (default: $SEXTANT_PROMETHEUS, else none).")
  String prometheus;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "What this server calls itself in the notifications Notifiers send, e.g. prod-eu-cluster, so that a channel that hears of several knows which one speaks (default: no name).")
  String name;

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
      config =
          new ServerConfig(store, bind, port, TokenFiles.agentToken(agentTokenFile, context), every)
              .withPrometheus(PrometheusSetting.parse(prometheus));
      if (name != null) {
        config = config.withNotifications(config.notifications().withServerName(name));
      }
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(e.getMessage());
    }
    Optional<Path> home =
        store instanceof StoreLocation.Embedded embedded
            ? Optional.of(embedded.dataDirectory())
            : Optional.empty();
    // The store would refuse a second process anyway; this says which one has it, and what to do.
    Optional<ServerFile> running = home.flatMap(LocalServer::find);
    if (running.isPresent()) {
      throw new CliException(
          ProblemKind.UNAVAILABLE,
          "a local server already runs for "
              + home.get()
              + " on "
              + running.get().url()
              + " (pid "
              + running.get().pid()
              + "); 'sextant server stop' stops it");
    }
    if (home.isPresent() && config.agentToken().isEmpty()) {
      // The local CLI records fingerprints through this server, with the token in server.json;
      // one made up now (after the check above, which still refuses a wide --bind without a
      // configured token) is known only to this data directory's owner.
      config = config.withAgentToken(newToken());
    }
    Optional<String> firstAdmin =
        adminTokenFile != null
            ? TokenFiles.read(adminTokenFile)
            : Optional.ofNullable(context.env().get("SEXTANT_ADMIN_TOKEN"))
                .filter(t -> !t.isBlank());
    if (firstAdmin.isPresent()) {
      if (firstAdmin.get().strip().length() < 16) {
        throw CliException.invalid("the first admin's token must be at least 16 characters long");
      }
      config = config.withFirstAdminToken(firstAdmin.get().strip());
    }
    SextantServer server;
    try {
      server = SextantServer.start(config, Clock.systemUTC(), Plugins.validators(context));
    } catch (StoreException | ServerStartException e) {
      throw CliException.unavailable(e.getMessage(), e);
    }
    Optional<ServerFile> announced = Optional.empty();
    if (home.isPresent()) {
      try {
        announced =
            Optional.of(announce(home.get(), server.port(), config.agentToken().orElseThrow()));
      } catch (CliException e) {
        server.close();
        throw e;
      }
    }
    try {
      if (server.firstAdminToken().isPresent() && firstAdmin.isEmpty()) {
        showAdminToken(home, server.firstAdminToken().get(), context.out(), "the first admin");
      } else if (newAdminToken) {
        showAdminToken(
            home,
            server.services().access().recoverAdmin(firstAdmin),
            context.out(),
            "a new token for admin");
      }
    } catch (CliException e) {
      server.close();
      throw e;
    }
    Optional<ServerFile> written = announced;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // First, so that no CLI comes to a server that is going away.
                  written.ifPresent(file -> file.deleteFrom(home.orElseThrow()));
                  server.close();
                  stopped.countDown();
                },
                "sextant-shutdown"));
    context
        .out()
        .printf(
            "sextant server listening on http://%s:%d (store: %s)%n",
            bind, server.port(), store.display());
    context.out().flush();
    stopped.await();
    return 0;
  }

  /**
   * The first admin's token, made at random: kept in the data directory for its owner, whose CLI
   * uses it, or shown once when the store is elsewhere (it is kept nowhere else).
   */
  private static void showAdminToken(
      Optional<Path> home, String token, PrintWriter out, String what) {
    if (home.isPresent()) {
      Path file = LocalServer.adminTokenFile(home.get());
      try {
        PrivateFiles.write(file, token + "\n");
      } catch (UncheckedIOException e) {
        throw CliException.unavailable(
            "cannot keep the first admin's token in " + file + ": " + e.getCause().getMessage(), e);
      }
      out.printf("sextant: made %s; its token is in %s (readable by you only)%n", what, file);
    } else {
      out.printf(
          "sextant: made %s; its token, shown this once: %s%n"
              + "sextant: keep it safe (e.g. in a file for SEXTANT_TOKEN); 'sextant token create'"
              + " makes others%n",
          what, token);
    }
    out.flush();
  }

  /** Writes server.json: where the CLI of the data directory finds this server. */
  private ServerFile announce(Path home, int port, String token) {
    ServerFile file =
        new ServerFile(
            "http://" + reachableHost() + ":" + port,
            ProcessHandle.current().pid(),
            token,
            Instant.now());
    try {
      file.write(home);
    } catch (UncheckedIOException e) {
      throw CliException.unavailable(e.getMessage() + ": " + e.getCause().getMessage(), e);
    }
    return file;
  }

  /** The bind address as a client on this host reaches it: loopback for a wildcard address. */
  private String reachableHost() {
    if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
      return "127.0.0.1";
    }
    return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
  }

  /** 32 random bytes, base64url: a token no one can guess. */
  private static String newToken() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
